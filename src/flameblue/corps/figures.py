"""The corps' figures (统计指标), registered with core at ``ready()``: individual third-class merits and people
commended at 总队 level or above (distinct persons, as :func:`flameblue.corps.honours.selectors.honour_summary`
counts them), case reviews held and incidents attended."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from flameblue.core.figures import Figure, register_figure
from flameblue.corps.honours.choices import CORPS_OR_ABOVE, HonourCategory, HonourGrade
from flameblue.corps.honours.models import Honour
from flameblue.corps.incidents.models import CaseReview, Incident

GROUP = _("队伍战斗力")
HONOUR_COLUMNS = (("person", _("人员")), ("grade", _("表彰种类")), ("level", _("授奖层级")),
                  ("awarded_on", _("授奖日期")))  # fmt: skip


def _honour_url(obj) -> str:
    return reverse("corps:honour-detail", kwargs={"pk": obj.pk})


def _individual(qs, period):
    return qs.filter(
        period.between(Honour, "awarded_on"), category=HonourCategory.INDIVIDUAL, person__isnull=False
    )


def _people(qs) -> int:
    return qs.order_by().values("person").distinct().count()


def register() -> None:
    for figure in (
        Figure(
            "corps.merit_3", _("荣立个人三等功"), _("名"),
            _("授奖日期在统计期内的个人三等功，按不同人员计（同一人两次计一名）。"),
            Honour, lambda qs, p: _individual(qs, p).filter(grade=HonourGrade.MERIT_3),
            region_field="unit__region_id", total=_people, columns=HONOUR_COLUMNS, group=GROUP, order=500,
            detail_url=_honour_url,
        ),
        Figure(
            "corps.commended_corps_or_above", _("受总队级以上表彰"), _("名"),
            _("授奖日期在统计期内、授奖层级为总队或应急管理部/国家消防救援局的个人表彰，按不同人员计。"),
            Honour, lambda qs, p: _individual(qs, p).filter(level__in=CORPS_OR_ABOVE),
            region_field="unit__region_id", total=_people, columns=HONOUR_COLUMNS, group=GROUP, order=501,
            detail_url=_honour_url,
        ),
        Figure(
            "corps.case_reviews", _("开展战例研讨"), _("次"),
            _("研讨日期在统计期内的战例复盘研讨（按警情所在区划统计）。"),
            CaseReview, lambda qs, p: qs.filter(p.between(CaseReview, "held_on")),
            region_field="incident__region_id",
            columns=(("title", _("研讨题目")), ("incident", _("警情")), ("held_on", _("研讨日期"))),
            group=GROUP, order=510,
            detail_url=lambda obj: reverse("corps:review-detail", kwargs={"pk": obj.pk}),
        ),
        Figure(
            "corps.incidents", _("处置警情"), _("起"),
            _("接警时间在统计期内的警情。"),
            Incident, lambda qs, p: qs.filter(p.between(Incident, "called_at")),
            columns=(("title", _("简称")), ("kind", _("警情类型")), ("called_at", _("接警时间")),
                     ("address", _("地址"))),
            group=GROUP, order=511,
            detail_url=lambda obj: reverse("corps:incident-detail", kwargs={"pk": obj.pk}),
        ),
    ):  # fmt: skip
        register_figure(figure)
