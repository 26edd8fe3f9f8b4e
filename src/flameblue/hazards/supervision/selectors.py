"""Reads of the listed-supervision pages, the API and the public list: the one filter of the case list, a
case's timeline and the steps open to a user, a government's own cases, and the public list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import django_filters
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core.filters import RegionFilter, YearFilter
from flameblue.core.scoping import action_name, code_range, has_action, memberships_granting
from flameblue.hazards.choices import SupervisionStatus
from flameblue.hazards.models import SupervisionCase, SupervisionReport
from flameblue.hazards.supervision.determination_services import supervision_rules
from flameblue.hazards.supervision.services import may_decide, passed_recheck
from flameblue.org.choices import OrgKind
from flameblue.org.models import Organization
from flameblue.workdays.services import working_days_between

__all__ = [
    "SupervisionCaseFilter",
    "TimelineEntry",
    "available_case_steps",
    "case_timeline",
    "cases_for_list",
    "government_cases",
    "public_cases",
    "public_list_enabled",
]

S = SupervisionStatus
OVERDUE = [("decision", _("逾期未决定")), ("report", _("督办报告逾期"))]


def cases_for_list(user: Any) -> QuerySet[SupervisionCase]:
    return SupervisionCase.objects.visible_to(user, "view").select_related(
        "hazard__unit", "government", "region__parent"
    )


def _overdue_q(kind: str, today: dt.date) -> Q:
    if kind == "decision":
        return Q(status=S.REQUESTED, decision_due__lt=today)
    return Q(status=S.LISTED, next_report_due__lt=today)


class SupervisionCaseFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("编号或单位"), method="filter_text")
    status = django_filters.ChoiceFilter(label=_("状态"), choices=S.choices, empty_label=_("全部状态"))
    government = django_filters.ModelChoiceFilter(
        label=_("督办政府"), queryset=Organization.objects.none(), empty_label=_("全部政府")
    )
    region = RegionFilter()
    overdue = django_filters.ChoiceFilter(
        label=_("逾期"), choices=OVERDUE, method="filter_overdue", empty_label=_("全部")
    )
    year = YearFilter(label=_("立案年度"), field_name="filed_at__year")

    class Meta:
        model = SupervisionCase
        fields: list[str] = []

    def __init__(self, *args: Any, request: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, request=request, **kwargs)
        self.filters["government"].queryset = Organization.objects.filter(
            kind=OrgKind.GOVERNMENT, region__code__regex=r"^\d{4}(\d{2})?$"
        ).order_by("region_id")

    @property
    def qs(self) -> QuerySet[SupervisionCase]:
        return super().qs.order_by("-filed_at", "-pk")

    def filter_text(self, queryset, name: str, value: str):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(case_number__icontains=value) | Q(hazard__unit__name__icontains=value))

    def filter_overdue(self, queryset, name: str, value: str):
        return queryset.filter(_overdue_q(value, timezone.localdate()))


@dataclass(frozen=True)
class TimelineEntry:
    at: dt.datetime
    title: str
    detail: str = ""
    by: Any = None
    warning: bool = False


def case_timeline(case: SupervisionCase) -> list[TimelineEntry]:
    """The case's steps in order, from its own columns and its reports."""
    entries = [TimelineEntry(case.filed_at, str(_("立案")), case.case_number, case.created_by)]
    if case.requested_at:
        detail = _("提请%(gov)s挂牌，应于%(due)s前决定") % {
            "gov": case.government.name if case.government else "", "due": case.decision_due or ""
        }  # fmt: skip
        entries.append(TimelineEntry(case.requested_at, str(_("提请挂牌")), str(detail)))
    if case.decided_at:
        listed = case.status in (S.LISTED, S.DELISTED)
        title = _("决定挂牌督办") if listed else _("决定不予挂牌")
        detail = case.listing_document_number if listed else case.decision_reason
        if case.decided_late:
            detail = f"{detail} · {_('逾期作出决定')}"
        entries.append(TimelineEntry(case.decided_at, str(title), detail, case.decided_by, case.decided_late))
    for report in case.reports.select_related("submitted_by"):
        entries.append(
            TimelineEntry(report.submitted_at, str(_("督办报告")), report.content, report.submitted_by)
        )
    if case.delisted_at:
        entries.append(TimelineEntry(case.delisted_at, str(_("摘牌销案"))))
    return sorted(entries, key=lambda e: e.at)


def available_case_steps(case: SupervisionCase, user: Any) -> list[str]:
    """The steps the user may take on the case now: request, decide, report, delist, public."""
    steps = []
    can_change = SupervisionCase.objects.visible_to(user, "change").filter(pk=case.pk).exists()
    if can_change and case.status in (S.FILED, S.REFUSED):
        steps.append("request")
    if case.status == S.REQUESTED and may_decide(user, case):
        steps.append("decide")
    if case.status == S.LISTED and has_action(user, SupervisionReport, "add"):
        steps.append("report")
    delistable = case.status in (S.LISTED, S.FILED, S.REFUSED) and (can_change or may_decide(user, case))
    if delistable and passed_recheck(case.hazard):
        steps.append("delist")
    if can_change:
        steps.append("public")
    return steps


def _government_memberships(user: Any) -> list[Organization]:
    granting = memberships_granting(user, action_name(SupervisionCase, "view"))
    return [m.organization for m in granting if m.organization.kind == OrgKind.GOVERNMENT]


def government_cases(user: Any, today: dt.date | None = None) -> dict[str, Any]:
    """A government's supervision page: the cases whose government is the user's government or a
    government within its region — listed, awaiting decision (working days left, late), delisted this year."""
    today = today or timezone.localdate()
    governments = _government_memberships(user)
    q = Q(pk__in=[])
    for gov in governments:
        low, high = code_range(gov.region_id)
        q |= Q(government=gov) | Q(government__region_id__gte=low, government__region_id__lt=high)
    cases = cases_for_list(user).filter(q)
    awaiting = list(cases.filter(status=S.REQUESTED).order_by("decision_due", "pk"))
    for case in awaiting:
        case.days_left = working_days_between(today, case.decision_due) if case.decision_due else None
        case.is_late = bool(case.decision_due and today > case.decision_due)
    listed = list(cases.filter(status=S.LISTED).order_by("deadline", "pk"))
    for case in listed:
        case.report_overdue = bool(case.next_report_due and case.next_report_due < today)
    delisted = list(cases.filter(status=S.DELISTED, delisted_at__year=today.year).order_by("-delisted_at"))
    return {"governments": governments, "awaiting": awaiting, "listed": listed, "delisted": delisted}


def public_list_enabled() -> bool:
    """The public list is on only when ``public_list_enabled`` is true in ``rules/supervision.yaml``."""
    return bool(supervision_rules().get("public_list_enabled", False))


def public_cases() -> QuerySet[SupervisionCase]:
    """Cases marked public and listed or delisted — for the portal, which shows no personal data."""
    return (
        SupervisionCase.objects.filter(is_public=True, status__in=(S.LISTED, S.DELISTED))
        .select_related("hazard__unit", "government")
        .order_by("-decided_at", "-pk")
    )
