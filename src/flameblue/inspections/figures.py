"""The inspections app's figures (统计指标), registered with core at ``ready()``: inspections submitted, in
all and the fire service's supervision checks and spot checks."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from flameblue.core.figures import Figure, register_figure
from flameblue.inspections.choices import InspectionKind, InspectionStatus
from flameblue.inspections.models import Inspection

GROUP = _("隐患排查整治")
COLUMNS = (("unit", _("单位")), ("kind", _("检查类别")), ("inspected_on", _("检查日期")))


def _url(obj) -> str:
    return reverse("inspections:inspection-detail", kwargs={"pk": obj.pk})


def _submitted(kinds: tuple[str, ...] = ()):
    def records(qs, period):
        rows = qs.filter(period.between(Inspection, "inspected_on"), status=InspectionStatus.SUBMITTED)
        return rows.filter(kind__in=kinds) if kinds else rows

    return records


def register() -> None:
    for figure in (
        Figure(
            "inspections.submitted", _("各类检查"), _("次"),
            _("检查日期在统计期内、已提交的各类检查（含行业部门、乡镇网格和单位自查）。"),
            Inspection, _submitted(), columns=COLUMNS, group=GROUP, order=290, detail_url=_url,
        ),
        Figure(
            "inspections.fire_service", _("消防监督检查和双随机抽查"), _("次"),
            _("检查日期在统计期内、已提交的监督检查和双随机抽查。"),
            Inspection, _submitted((InspectionKind.SUPERVISION, InspectionKind.SPOT_CHECK)),
            columns=COLUMNS, group=GROUP, order=291, detail_url=_url,
        ),
    ):  # fmt: skip
        register_figure(figure)
