"""The hazard loop's figures (统计指标), registered with core at ``ready()``: hazards found and rectified,
hazards listed for government supervision by grade and delisted, notices issued and public tips received.
Each says which records count and by which date; the reader's jurisdiction and the region are applied by
core (:mod:`flameblue.core.figures`)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from flameblue.core.figures import Figure, register_figure
from flameblue.hazards.choices import HazardGrade, HazardStatus, SupervisionStatus
from flameblue.hazards.models import Hazard, Notice, SupervisionCase, Tip

GROUP = _("隐患排查整治")
NOT_COUNTED = (HazardStatus.WITHDRAWN, HazardStatus.DISMISSED)
LISTED = (SupervisionStatus.LISTED, SupervisionStatus.DELISTED)
HAZARD_COLUMNS = (
    ("unit", _("单位")),
    ("grade", _("等级")),
    ("status", _("状态")),
    ("found_at", _("发现时间")),
)
CASE_COLUMNS = (("hazard__unit", _("单位")), ("status", _("状态")), ("decided_at", _("挂牌时间")),
                ("deadline", _("督办整改期限")), ("delisted_at", _("摘牌时间")))  # fmt: skip


def _hazard_url(obj) -> str:
    return reverse("hazards:hazard-detail", kwargs={"pk": obj.pk})


def _case_url(obj) -> str:
    return reverse("hazards:supervision-detail", kwargs={"pk": obj.pk})


def _listed(grade: str):
    def records(qs, period):
        return qs.filter(
            period.between(SupervisionCase, "decided_at"), status__in=LISTED, hazard__grade=grade
        )

    return records


def register() -> None:
    for figure in (
        Figure(
            "hazards.found", _("发现火灾隐患"), _("处"),
            _("发现时间在统计期内的火灾隐患（不含撤销和举报不属实的）。"),
            Hazard, lambda qs, p: qs.filter(p.between(Hazard, "found_at")).exclude(status__in=NOT_COUNTED),
            columns=HAZARD_COLUMNS, group=GROUP, order=300, detail_url=_hazard_url,
        ),
        Figure(
            "hazards.rectified", _("整改销案火灾隐患"), _("处"),
            _("销案时间在统计期内、状态为已整改销案的火灾隐患。"),
            Hazard, lambda qs, p: qs.filter(p.between(Hazard, "closed_at"), status=HazardStatus.CLOSED),
            columns=HAZARD_COLUMNS, group=GROUP, order=301, detail_url=_hazard_url,
        ),
        Figure(
            "hazards.listed_major", _("政府挂牌督办重大火灾隐患"), _("处"),
            _("政府决定挂牌的时间在统计期内的重大火灾隐患督办案件（含已摘牌的）。"),
            SupervisionCase, _listed(HazardGrade.MAJOR),
            columns=CASE_COLUMNS, group=GROUP, order=310, detail_url=_case_url,
        ),
        Figure(
            "hazards.listed_prominent", _("政府挂牌督办突出火灾隐患"), _("处"),
            _("政府决定挂牌的时间在统计期内的突出火灾隐患督办案件（含已摘牌的）。"),
            SupervisionCase, _listed(HazardGrade.PROMINENT),
            columns=CASE_COLUMNS, group=GROUP, order=311, detail_url=_case_url,
        ),
        Figure(
            "hazards.delisted", _("摘牌销案的督办隐患"), _("处"),
            _("摘牌时间在统计期内、状态为已摘牌销案的督办案件。"),
            SupervisionCase,
            lambda qs, p: qs.filter(p.between(SupervisionCase, "delisted_at"), status=SupervisionStatus.DELISTED),
            columns=CASE_COLUMNS, group=GROUP, order=312, detail_url=_case_url,
        ),
        Figure(
            "hazards.notices", _("下发责令限期改正通知书"), _("份"),
            _("签发时间在统计期内的责令限期改正通知书。"),
            Notice, lambda qs, p: qs.filter(p.between(Notice, "issued_at")),
            columns=(("unit", _("单位")), ("issued_at", _("签发时间")), ("deadline", _("整改期限"))),
            group=GROUP, order=320,
            detail_url=lambda obj: reverse("hazards:notice-detail", kwargs={"pk": obj.pk}),
        ),
        Figure(
            "hazards.tips", _("受理群众举报投诉"), _("件"),
            _("受理时间在统计期内的火灾隐患举报投诉。"),
            Tip, lambda qs, p: qs.filter(p.between(Tip, "received_at")),
            columns=(("status", _("状态")), ("received_at", _("受理时间"))),
            group=_("民生消防服务"), order=330,
            detail_url=lambda obj: reverse("hazards:tip-detail", kwargs={"pk": obj.pk}),
        ),
    ):  # fmt: skip
        register_figure(figure)
