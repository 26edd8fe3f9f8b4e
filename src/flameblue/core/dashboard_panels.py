"""The work each role sees on its home page (首页工作台): one builder per panel, each reading through the apps'
selectors and ``visible_to``, each returning ``None`` when the user's roles do not grant the action the panel
needs (so a role never sees a panel about records it may not read).

Counts are aggregate queries (``Count(filter=Q(...))`` in one statement per model, grouped by region for the
statistics tables): the number of queries does not grow with the number of units, inspections or hazards."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core.notify import unread_count
from flameblue.core.scoping import has_action, user_scopes
from flameblue.geo.models import Region
from flameblue.hazards.choices import (
    OPEN_STATUSES,
    HazardGrade,
    HazardStatus,
    NoticeStatus,
    SupervisionStatus,
    TipStatus,
)
from flameblue.hazards.models import Hazard, Notice, SupervisionCase, Tip
from flameblue.hazards.selectors import my_unit_hazards
from flameblue.hazards.supervision_selectors import government_cases
from flameblue.inspections.choices import InspectionKind, InspectionStatus
from flameblue.inspections.compliance import compliance_rates, obligations
from flameblue.inspections.models import Inspection, InspectionPlanItem, SupervisionDue
from flameblue.inspections.unit_scope import in_region, units_within
from flameblue.units.models import KeyUnitDeclaration, Unit
from flameblue.units.selectors import outstanding_declarations

__all__ = [
    "BUILDERS",
    "QueueRow",
    "cached_unread_count",
    "child_code_length",
    "default_region",
    "hazard_counts",
    "region_stats",
    "stats_payload",
]

#: How many working days ahead a re-inspection counts as "due soon" on the work queue.
RECHECK_LOOKAHEAD_DAYS = 3
#: Code length of a region's children (province → city → county → township).
_CHILD_LENGTH = {2: 4, 4: 6, 6: 9}


@dataclass(frozen=True)
class QueueRow:
    """One line of a work queue: what, how many, where the filtered list is, whether it is late."""

    label: str
    count: int
    url: str
    warning: bool = False


def _url(name: str, **query: Any) -> str:
    base = reverse(name)
    query = {k: v for k, v in query.items() if v not in (None, "")}
    return f"{base}?{urlencode(query)}" if query else base


def _month_bounds(today: dt.date) -> tuple[dt.date, dt.date]:
    return today.replace(day=1), today.replace(day=calendar.monthrange(today.year, today.month)[1])


def _previous_month(today: dt.date) -> tuple[dt.date, dt.date]:
    last = today.replace(day=1) - dt.timedelta(days=1)
    return last.replace(day=1), last


# --- Shared counts ---------------------------------------------------------------------------------------


def hazard_counts(queryset: QuerySet[Hazard], today: dt.date) -> dict[str, int]:
    """Open, overdue, major, awaiting confirmation, completion reported and re-inspection due soon — one
    query. "Overdue" is the hazard list's own definition (open and past the deadline)."""
    is_open = Q(status__in=OPEN_STATUSES)
    soon = today + dt.timedelta(days=RECHECK_LOOKAHEAD_DAYS)
    return queryset.order_by().aggregate(
        open=Count("pk", filter=is_open),
        overdue=Count("pk", filter=is_open & Q(deadline__lt=today)),
        major=Count("pk", filter=is_open & Q(grade=HazardGrade.MAJOR)),
        found=Count("pk", filter=Q(status=HazardStatus.FOUND)),
        completion_reported=Count("pk", filter=Q(status=HazardStatus.COMPLETION_REPORTED)),
        recheck_soon=Count(
            "pk",
            filter=Q(
                status__in=(HazardStatus.RECTIFYING, HazardStatus.COMPLETION_REPORTED), recheck_due__lte=soon
            ),
        ),
    )


def cached_unread_count(user: Any) -> int:
    """Unread inbox messages, counted once per request (the navbar and the dashboard both show it)."""
    cached = getattr(user, "_flameblue_unread", None)
    if cached is None:
        cached = unread_count(user)
        user._flameblue_unread = cached
    return cached


def _compliance_summary(
    units: QuerySet[Unit], *, start: dt.date, end: dt.date, today: dt.date, group_by: str
):
    """Overall self-inspection rates over ``units`` per obligation (summed over the groups)."""
    rows = compliance_rates(units, start=start, end=end, group_by=group_by, today=today)
    summary = []
    for obligation in obligations():
        due = sum(row[obligation.code]["due"] for row in rows)
        done = sum(row[obligation.code]["done"] for row in rows)
        summary.append(
            {"name": obligation.name, "due": due, "done": done, "rate": done / due if due else None}
        )
    return {
        "start": start, "end": end, "obligations": summary,
        "url": _url("inspections:compliance", start=start.isoformat(), end=end.isoformat(), group=group_by),
    }  # fmt: skip


# --- Regions and statistics by region ---------------------------------------------------------------------


def child_code_length(code: str) -> int:
    return _CHILD_LENGTH.get(len(code), len(code))


def default_region(user: Any) -> Region | None:
    """The widest region of the user's hazard scope (the detachment's city, a brigade's county)."""
    prefixes = [s.region_prefix for s in user_scopes(user, Hazard, "view")]
    if not prefixes:
        return None
    if None in prefixes:
        return Region.objects.filter(parent__isnull=True).order_by("code").first()
    return Region.objects.filter(code=min(prefixes, key=lambda p: (len(p), p))).first()


def _grouped(queryset: QuerySet, length: int, **counts: Any) -> dict[str, dict[str, int]]:
    rows = queryset.order_by().annotate(area=Substr("region_id", 1, length)).values("area").annotate(**counts)
    return {row["area"]: row for row in rows}


def region_stats(user: Any, region: Region, today: dt.date | None = None) -> list[dict[str, Any]]:
    """Per child region of ``region`` (counties of a city, townships of a county): units, key units, open,
    overdue and major hazards, cases under listed supervision — three grouped queries, all within scope."""
    today = today or timezone.localdate()
    length = child_code_length(region.code)
    within = in_region(region.code)
    units = _grouped(
        Unit.objects.visible_to(user, "view").filter(within), length,
        units=Count("pk"), key_units=Count("pk", filter=Q(is_key_unit=True)),
    )  # fmt: skip
    is_open = Q(status__in=OPEN_STATUSES)
    hazards = _grouped(
        Hazard.objects.visible_to(user, "view").filter(within), length,
        open=Count("pk", filter=is_open), overdue=Count("pk", filter=is_open & Q(deadline__lt=today)),
        major=Count("pk", filter=is_open & Q(grade=HazardGrade.MAJOR)),
    )  # fmt: skip
    cases = {}
    if has_action(user, SupervisionCase, "view"):
        cases = _grouped(
            SupervisionCase.objects.visible_to(user, "view").filter(within, status=SupervisionStatus.LISTED),
            length, listed=Count("pk"),
        )  # fmt: skip
    children = (
        Region.objects.filter(parent_id=region.code).order_by("code") if length != len(region.code) else []
    )
    names = {r.code: r.name for r in children} or {region.code: region.name}
    for code in set(units) | set(hazards) | set(cases):
        names.setdefault(code, code)
    rows = []
    for code in sorted(names):
        row = {"code": code, "name": names[code]}
        row.update({k: units.get(code, {}).get(k, 0) for k in ("units", "key_units")})
        row.update({k: hazards.get(code, {}).get(k, 0) for k in ("open", "overdue", "major")})
        row["listed"] = cases.get(code, {}).get("listed", 0)
        row["overdue_url"] = _url("hazards:hazard-list", overdue="yes", region=code)
        rows.append(row)
    return rows


def stats_payload(user: Any, region: Region, today: dt.date | None = None) -> dict[str, Any]:
    """The JSON of ``core:dashboard-stats``: the region, its children's statistics and the series labels."""
    rows = region_stats(user, region, today)
    labels = {
        "units": _("单位"), "key_units": _("重点单位"), "open": _("未销案隐患"), "overdue": _("逾期隐患"),
        "major": _("重大隐患"), "listed": _("挂牌督办"),
    }  # fmt: skip
    return {
        "region": {"code": region.code, "name": region.name},
        "labels": {k: str(v) for k, v in labels.items()},
        "rows": [{k: v for k, v in row.items() if k != "overdue_url"} for row in rows],
    }


# --- Panels -----------------------------------------------------------------------------------------------

Builder = Callable[[Any, dt.date], dict[str, Any] | None]


def work_queue(user: Any, today: dt.date) -> dict[str, Any] | None:
    """The fire inspector's and station's to-do list (待办工作): each row a count and the filtered list."""
    if not has_action(user, Hazard, "view"):
        return None
    h = hazard_counts(Hazard.objects.visible_to(user, "view"), today)
    rows = [
        QueueRow(_("待确认隐患"), h["found"], _url("hazards:hazard-list", status=HazardStatus.FOUND)),
        QueueRow(_("逾期未整改隐患"), h["overdue"], _url("hazards:hazard-list", overdue="yes"), warning=True),
        QueueRow(
            _("已报整改完成待复查"),
            h["completion_reported"],
            _url("hazards:hazard-list", status=HazardStatus.COMPLETION_REPORTED),
        ),  # fmt: skip
    ]
    rows += (
        _tip_rows(user, today) + _due_rows(user, today) + _plan_rows(user, today) + _unit_rows(user, today)
    )
    soon = today + dt.timedelta(days=RECHECK_LOOKAHEAD_DAYS)
    recheck = (
        Hazard.objects.visible_to(user, "view")
        .filter(status__in=(HazardStatus.RECTIFYING, HazardStatus.COMPLETION_REPORTED), recheck_due__lte=soon)
        .select_related("unit")
        .order_by("recheck_due", "pk")[:8]
    )
    return {"rows": rows, "recheck": list(recheck), "recheck_count": h["recheck_soon"], "today": today}


def _tip_rows(user: Any, today: dt.date) -> list[QueueRow]:
    if not has_action(user, Tip, "view"):
        return []
    t = (
        Tip.objects.visible_to(user, "view")
        .order_by()
        .aggregate(
            received=Count("pk", filter=Q(status=TipStatus.RECEIVED)),
            checking=Count("pk", filter=Q(status=TipStatus.CHECKING)),
            overdue=Count(
                "pk",
                filter=Q(
                    status__in=(TipStatus.RECEIVED, TipStatus.CHECKING), check_due_at__lt=timezone.now()
                ),
            ),
        )
    )
    return [
        QueueRow(_("待核查举报"), t["received"], _url("hazards:tip-list", status=TipStatus.RECEIVED)),
        QueueRow(_("核查中举报"), t["checking"], _url("hazards:tip-list", status=TipStatus.CHECKING)),
        QueueRow(_("逾期未核查举报"), t["overdue"], _url("hazards:tip-list", overdue="yes"), warning=True),
    ]


def _due_rows(user: Any, today: dt.date) -> list[QueueRow]:
    if not has_action(user, SupervisionDue, "view"):
        return []
    _first, last = _month_bounds(today)
    d = (
        SupervisionDue.objects.visible_to(user, "view")
        .order_by()
        .aggregate(
            month=Count("pk", filter=Q(next_due_on__gte=today, next_due_on__lte=last)),
            overdue=Count("pk", filter=Q(next_due_on__lt=today)),
        )
    )
    return [
        QueueRow(_("本月到期监督检查"), d["month"], _url("inspections:due-list")),
        QueueRow(_("逾期未监督检查"), d["overdue"], _url("inspections:due-list", overdue="on"), warning=True),
    ]


def _plan_rows(user: Any, today: dt.date) -> list[QueueRow]:
    if not has_action(user, InspectionPlanItem, "view"):
        return []
    monday = today - dt.timedelta(days=today.weekday())
    week = InspectionPlanItem.objects.visible_to(user, "view").filter(
        planned_on__gte=monday, planned_on__lte=monday + dt.timedelta(days=6)
    )
    return [QueueRow(_("本周计划检查单位"), week.count(), _url("inspections:plan-list"))]


def _unit_rows(user: Any, today: dt.date) -> list[QueueRow]:
    rows = []
    if has_action(user, Unit, "confirm_key"):
        review = Unit.objects.visible_to(user, "confirm_key").filter(key_unit_needs_review=True).count()
        rows.append(QueueRow(_("重点单位待复核"), review, _url("units:unit-list", key_unit="review")))
    if has_action(user, KeyUnitDeclaration, "view") and has_action(user, Unit, "confirm_key"):
        outstanding = outstanding_declarations(user, today.year).count()
        rows.append(
            QueueRow(
                _("重点单位未申报"),
                outstanding,
                _url("units:declaration-list", year=today.year),
                warning=True,
            )
        )
    return rows


def government_panel(user: Any, today: dt.date) -> dict[str, Any] | None:
    """A government leader's supervision work (挂牌督办): decisions awaited (working days left, late) and
    the hazards its government or those below it list."""
    if not has_action(user, SupervisionCase, "view"):
        return None
    cases = government_cases(user, today)
    return {
        "awaiting": cases["awaiting"], "listed": cases["listed"][:10], "listed_count": len(cases["listed"]),
        "may_decide": has_action(user, SupervisionCase, "decide"), "today": today,
        "url": reverse("hazards:government-supervision"),
    }  # fmt: skip


def hazard_overview(user: Any, today: dt.date) -> dict[str, Any] | None:
    """Overdue hazards by county/township and this year's hazards by grade and status, in scope."""
    if not has_action(user, Hazard, "view"):
        return None
    region = default_region(user)
    rows = region_stats(user, region, today) if region else []
    year_counts = (
        Hazard.objects.visible_to(user, "view")
        .filter(found_at__year=today.year)
        .order_by()
        .values("grade", "status")
        .annotate(n=Count("pk"))
    )
    table = {(r["grade"], r["status"]): r["n"] for r in year_counts}
    grades = [
        {
            "label": label,
            "cells": [
                {
                    "count": table.get((grade, status), 0),
                    "url": _url("hazards:hazard-list", grade=grade, status=status),
                }
                for status in HazardStatus.values
            ],
            "total": sum(table.get((grade, status), 0) for status in HazardStatus.values),
        }
        for grade, label in HazardGrade.choices
    ]
    return {
        "region": region, "rows": rows, "year": today.year, "statuses": HazardStatus.labels, "grades": grades,
        "overdue_total": sum(r["overdue"] for r in rows),
    }  # fmt: skip


def grid_panel(user: Any, today: dt.date) -> dict[str, Any] | None:
    """A township grid officer's work: tips and hazards in the township, grid patrols this month, and the
    township's self-inspection compliance last month."""
    if not has_action(user, Hazard, "view"):
        return None
    first, _last = _month_bounds(today)
    data: dict[str, Any] = {"hazards": hazard_counts(Hazard.objects.visible_to(user, "view"), today)}
    data["hazard_urls"] = {
        "open": _url("hazards:hazard-list", open="yes"), "overdue": _url("hazards:hazard-list", overdue="yes"),
        "major": _url("hazards:hazard-list", open="yes", grade=HazardGrade.MAJOR),
    }  # fmt: skip
    data["tips"] = _tip_rows(user, today)
    if has_action(user, Inspection, "view"):
        patrols = Inspection.objects.visible_to(user, "view").filter(
            kind=InspectionKind.GRID_PATROL, inspected_on__gte=first, inspected_on__lte=today
        )
        data["patrols"] = patrols.order_by().aggregate(
            total=Count("pk"), submitted=Count("pk", filter=Q(status=InspectionStatus.SUBMITTED))
        )
        data["patrols_url"] = _url(
            "inspections:inspection-list", kind=InspectionKind.GRID_PATROL, inspected_after=first.isoformat()
        )
        start, end = _previous_month(today)
        units = units_within(user, Inspection, "view")
        data["compliance"] = _compliance_summary(
            units, start=start, end=end, today=today, group_by="township"
        )
    return data


def department_panel(user: Any, today: dt.date) -> dict[str, Any] | None:
    """An industry department's view (行业监管): its sector's units, their open hazards, compliance."""
    if not has_action(user, Unit, "view"):
        return None
    data: dict[str, Any] = {
        "units": Unit.objects.visible_to(user, "view")
        .order_by()
        .aggregate(total=Count("pk"), key=Count("pk", filter=Q(is_key_unit=True))),
        "unit_urls": {"total": _url("units:unit-list"), "key": _url("units:unit-list", key_unit="yes")},
    }
    if has_action(user, Hazard, "view"):
        data["hazards"] = hazard_counts(Hazard.objects.visible_to(user, "view"), today)
        data["hazard_urls"] = {
            "open": _url("hazards:hazard-list", open="yes"), "overdue": _url("hazards:hazard-list", overdue="yes"),
            "major": _url("hazards:hazard-list", open="yes", grade=HazardGrade.MAJOR),
        }  # fmt: skip
    if has_action(user, Inspection, "view"):
        start, end = _previous_month(today)
        units = units_within(user, Inspection, "view")
        data["compliance"] = _compliance_summary(
            units, start=start, end=end, today=today, group_by="industry"
        )
    return data


def unit_panel(user: Any, today: dt.date) -> dict[str, Any] | None:
    """A unit manager's hazards to rectify (deadline, overdue) and open rectification notices."""
    if not has_action(user, Hazard, "report_completion"):
        return None
    hazards = list(my_unit_hazards(user)[:10])
    notices = []
    if has_action(user, Notice, "view"):
        notices = list(
            Notice.objects.visible_to(user, "view")
            .filter(status=NoticeStatus.OPEN)
            .select_related("unit")
            .order_by("deadline", "pk")[:10]
        )
    return {
        "hazards": hazards,
        "notices": notices,
        "today": today,
        "report_url": reverse("hazards:my-unit-hazards"),
    }


def command_panel(user: Any, today: dt.date) -> dict[str, Any] | None:
    """The detachment's city-wide picture by county, with a bar chart fed by ``core:dashboard-stats``."""
    if not has_action(user, Hazard, "view"):
        return None
    region = default_region(user)
    if region is None:
        return None
    rows = region_stats(user, region, today)
    keys = ("units", "key_units", "open", "overdue", "major", "listed")
    totals = {k: sum(r[k] for r in rows) for k in keys}
    stats_url = _url("core:dashboard-stats", region=region.code)
    return {"region": region, "rows": rows, "totals": totals, "stats_url": stats_url}


def inbox_panel(user: Any, today: dt.date) -> dict[str, Any] | None:
    return {"unread": cached_unread_count(user), "url": reverse("core:inbox")}


def undelivered_panel(user: Any, today: dt.date) -> dict[str, Any] | None:
    """Messages that reached nobody (an escalation to organizations without accounts): shown to the
    detachment and system administrators, whose homes list this panel, so the set-up gets fixed."""
    from flameblue.core.notify import undelivered

    rows = list(undelivered()[:20])
    if not rows:
        return None
    for row in rows:
        row.openable = _openable(user, row.link)
    return {"rows": rows, "count": undelivered().count() if len(rows) == 20 else len(rows)}


def _openable(user: Any, link: str) -> bool:
    """Whether the record page at ``link`` is one the user's roles may view (a system administrator sees
    that a hazard's escalation reached nobody, but may not open the hazard)."""
    from django.urls import Resolver404, resolve

    try:
        match = resolve(link.split("?")[0])
    except Resolver404:
        return False
    model = getattr(getattr(match.func, "view_class", None), "model", None)
    return model is not None and has_action(user, model, "view")


#: Panel name → builder. A builder's ``None`` means the panel is not shown.
BUILDERS: dict[str, Builder] = {
    "work_queue": work_queue,
    "government": government_panel,
    "hazard_overview": hazard_overview,
    "grid": grid_panel,
    "department": department_panel,
    "unit": unit_panel,
    "command": command_panel,
    "inbox": inbox_panel,
    "undelivered": undelivered_panel,
}
