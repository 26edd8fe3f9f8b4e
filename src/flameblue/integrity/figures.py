"""The integrity figures (统计指标), registered with core at ``ready()``: drinking occasions reported in advance,
relatives' businesses declared, warning-education sessions held, clues disposed and supervision findings
rectified. Integrity records are restricted and every read of them is logged: each figure's ``on_read`` hook
writes the rows a figure's records page or API showed to the audit trail, as the integrity lists do
(:func:`flameblue.integrity.discipline.selectors.list_read`); counting a figure reads no record."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import Model
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from flameblue.core.figures import Figure, register_figure
from flameblue.integrity.discipline.choices import ClueStatus
from flameblue.integrity.discipline.models import Clue, WarningSession
from flameblue.integrity.discipline.selectors import list_read
from flameblue.integrity.models import DrinkingReport, RelativeBusiness
from flameblue.integrity.supervision.choices import FindingStatus
from flameblue.integrity.supervision.models import SupervisionFinding

GROUP = _("内外监督")
#: A clue is disposed when its disposal ended: 予以了结 or 审查结案.
DISPOSED = (ClueStatus.CLOSED, ClueStatus.CONCLUDED)


def _logged(user: Any, rows: Sequence[Model]) -> None:
    """A figure's records shown to ``user`` are a read of each (one audit event naming them)."""
    list_read(type(rows[0]), [row.pk for row in rows], by=user)


def _url(name: str):
    return lambda obj: reverse(f"integrity:{name}", kwargs={"pk": obj.pk})


def register() -> None:
    for figure in (
        Figure(
            "integrity.drinking_reports", _("饮酒事前报备"), _("次"),
            _("饮酒日期在统计期内的饮酒事前报备（含待审批、已同意和不同意的报备）。"),
            DrinkingReport, lambda qs, p: qs.filter(p.between(DrinkingReport, "occasion_on")),
            columns=(("person", _("报备人")), ("occasion_on", _("饮酒日期")), ("status", _("状态"))),
            group=GROUP, order=600, detail_url=_url("drinking-detail"), on_read=_logged,
        ),
        Figure(
            "integrity.declarations", _("近亲属经商办企业申报"), _("条"),
            _("申报年度在统计期内（按统计期起止日期所在年度）的近亲属经商办企业申报，每个企业一条。"),
            RelativeBusiness, lambda qs, p: qs.filter(year__gte=p.start.year, year__lte=p.end.year),
            columns=(("person", _("申报人")), ("year", _("申报年度")), ("relation", _("关系")),
                     ("conflict_reason", _("利益冲突认定"))),
            group=GROUP, order=601, detail_url=_url("declaration-detail"), on_read=_logged,
        ),
        Figure(
            "integrity.warning_sessions", _("开展警示教育"), _("次"),
            _("日期在统计期内的警示教育（观看警示教育片、警示教育讲座）。"),
            WarningSession, lambda qs, p: qs.filter(p.between(WarningSession, "held_on")),
            columns=(("title", _("主题")), ("kind", _("形式")), ("held_on", _("日期"))),
            group=GROUP, order=602, detail_url=_url("session-detail"), on_read=_logged,
        ),
        Figure(
            "integrity.clues_disposed", _("处置问题线索"), _("件"),
            _("受理日期在统计期内、已处置完毕（予以了结或审查结案）的廉政问题线索。"),
            Clue, lambda qs, p: qs.filter(p.between(Clue, "received_on"), status__in=DISPOSED),
            columns=(("number", _("线索编号")), ("source", _("线索来源")), ("received_on", _("受理日期")),
                     ("status", _("处置状态"))),
            group=GROUP, order=603, detail_url=_url("clue-detail"), on_read=_logged,
        ),
        Figure(
            "integrity.findings_rectified", _("督察发现问题整改销号"), _("个"),
            _("销号时间在统计期内的督察、审计、巡察发现问题（已整改销号）。"),
            SupervisionFinding,
            lambda qs, p: qs.filter(p.between(SupervisionFinding, "closed_at"), status=FindingStatus.CLOSED),
            columns=(("description", _("问题描述")), ("responsible", _("整改责任单位")), ("deadline", _("整改期限")),
                     ("closed_at", _("销号时间"))),
            group=GROUP, order=604, detail_url=_url("finding-detail"), on_read=_logged,
        ),
    ):  # fmt: skip
        register_figure(figure)
