"""hazards' part of the home page (首页工作台): the work queue, the command, government, grid, department and
unit panels, and the statistics by region behind the detachment's chart (``core:dashboard-stats``). Each
panel reads through the apps' selectors and ``visible_to`` and answers ``None`` when the user's roles do not
grant what it reads. Registered with core in ``HazardsConfig.ready()``.

Counts are aggregate queries (``Count(filter=Q(...))`` in one statement per model, grouped by region for the
statistics tables): the number of queries does not grow with the number of units, inspections or hazards.
The counts over millions of rows (hazards, units, tips, cases by region) are per-scope summaries
(``core.summaries.scoped_summary``): computed once per jurisdiction and kept until a write of those records
in that jurisdiction (or five minutes; one minute for tips, whose lateness moves with the clock), so a page
view does not scan the hazards table."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from flameblue.core.dashboard import (
    QueueRow,
    month_bounds,
    previous_month,
    register_panel,
    register_stats_provider,
)
from flameblue.core.dashboard import (
    filtered_url as _url,
)
from flameblue.core.scoping import has_action, in_region, user_scopes, within_scopes
from flameblue.core.summaries import register_summary_model, scoped_summary
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
from flameblue.hazards.supervision.selectors import government_cases
from flameblue.inspections.choices import InspectionKind, InspectionStatus
from flameblue.inspections.dashboard import compliance_summary, due_rows, plan_rows
from flameblue.inspections.models import Inspection
from flameblue.units.dashboard import unit_rows
from flameblue.units.models import Unit

__all__ = [
    "HazardStats",
    "child_code_length",
    "default_region",
    "hazard_counts",
    "region_stats",
    "register",
    "scoped_hazard_counts",
    "stats_payload",
]

#: How many working days ahead a re-inspection counts as "due soon" on the work queue.
RECHECK_LOOKAHEAD_DAYS = 3
#: Code length of a region's children (province → city → county → township).
_CHILD_LENGTH = {2: 4, 4: 6, 6: 9}


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


def scoped_hazard_counts(user: Any, today: dt.date) -> dict[str, int]:
    """:func:`hazard_counts` of the hazards the user may view, as a per-scope summary."""
    return scoped_summary(
        "hazard_counts", user, [Hazard], lambda: hazard_counts(Hazard.objects.visible_to(user, "view"), today),
        key=today.isoformat(),
    )  # fmt: skip


#: Seconds the tip counts are kept: a tip becomes overdue at a moment of the day, which no write announces.
TIP_SUMMARY_TTL = 60


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


def _region_counts(user: Any, code: str, length: int, today: dt.date) -> tuple[dict, dict, dict]:
    """Units, hazards and listed cases per child region, in scope: three grouped queries."""
    within = in_region(code)
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
    return units, hazards, cases


def region_stats(user: Any, region: Region, today: dt.date | None = None) -> list[dict[str, Any]]:
    """Per child region of ``region`` (counties of a city, townships of a county): units, key units, open,
    overdue and major hazards, cases under listed supervision — three grouped queries, all within scope,
    kept as a per-scope summary."""
    today = today or timezone.localdate()
    length = child_code_length(region.code)
    units, hazards, cases = scoped_summary(
        "region_stats", user, [Unit, Hazard, SupervisionCase],
        lambda: _region_counts(user, region.code, length, today), key=(region.code, today.isoformat()),
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
        row["urls"] = {
            "units": _url("units:unit-list", region=code),
            "key_units": _url("units:unit-list", region=code, key_unit="yes"),
            "open": _url("hazards:hazard-list", region=code, open="yes"),
            "overdue": row["overdue_url"],
            "major": _url("hazards:hazard-list", region=code, open="yes", grade=HazardGrade.MAJOR),
            "listed": _url("hazards:supervision-list", region=code, status=SupervisionStatus.LISTED),
        }
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
        "rows": [{k: v for k, v in row.items() if k not in ("overdue_url", "urls")} for row in rows],
    }


# --- Panels -----------------------------------------------------------------------------------------------


def work_queue(user: Any, today: dt.date) -> dict[str, Any] | None:
    """The fire inspector's and station's to-do list (待办工作): each row a count and the filtered list."""
    if not has_action(user, Hazard, "view"):
        return None
    h = scoped_hazard_counts(user, today)
    rows = [
        QueueRow(_("待确认隐患"), h["found"], _url("hazards:hazard-list", status=HazardStatus.FOUND)),
        QueueRow(_("逾期未整改隐患"), h["overdue"], _url("hazards:hazard-list", overdue="yes"), warning=True),
        QueueRow(
            _("已报整改完成待复查"),
            h["completion_reported"],
            _url("hazards:hazard-list", status=HazardStatus.COMPLETION_REPORTED),
        ),  # fmt: skip
    ]
    rows += _clock_rows(user, today)
    rows += _tip_rows(user, today) + due_rows(user, today) + plan_rows(user, today) + unit_rows(user, today)
    soon = today + dt.timedelta(days=RECHECK_LOOKAHEAD_DAYS)
    recheck = (
        Hazard.objects.visible_to(user, "view")
        .filter(status__in=(HazardStatus.RECTIFYING, HazardStatus.COMPLETION_REPORTED), recheck_due__lte=soon)
        .select_related("unit")
        .order_by("recheck_due", "pk")[:8]
    )
    return {
        "rows": rows, "recheck": list(recheck), "recheck_count": h["recheck_soon"], "today": today,
        "recheck_url": _url("hazards:hazard-list", recheck_by=soon.isoformat()),
    }  # fmt: skip


def _clock_rows(user: Any, today: dt.date) -> list[QueueRow]:
    """The three clocks of 《消防监督检查规定》 (第十九条, 第二十一条): running, and how many ran out."""
    from flameblue.hazards.clocks import CLOCKS, clock_counts
    from flameblue.hazards.models import MajorHazardProcedure

    counts = scoped_summary(
        "order120_clocks", user, [Hazard, MajorHazardProcedure], lambda: clock_counts(user, today),
        key=today.isoformat(),
    )  # fmt: skip
    rows = []
    for key, (running, late) in counts.items():
        label = str(CLOCKS[key].label)
        if late:
            label += _("（逾期 %(n)d）") % {"n": late}
        rows.append(QueueRow(label, running, _url("hazards:hazard-list", clock=key), warning=bool(late)))
    return rows


def _tip_rows(user: Any, today: dt.date) -> list[QueueRow]:
    if not has_action(user, Tip, "view"):
        return []
    t = scoped_summary("tip_counts", user, [Tip], lambda: _tip_counts(user), ttl=TIP_SUMMARY_TTL)
    return [
        QueueRow(_("待核查举报"), t["received"], _url("hazards:tip-list", status=TipStatus.RECEIVED)),
        QueueRow(_("核查中举报"), t["checking"], _url("hazards:tip-list", status=TipStatus.CHECKING)),
        QueueRow(_("逾期未核查举报"), t["overdue"], _url("hazards:tip-list", overdue="yes"), warning=True),
    ]


def _tip_counts(user: Any) -> dict[str, int]:
    return (
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
    table = scoped_summary(
        "hazards_by_grade", user, [Hazard], lambda: _year_table(user, today.year), key=today.year
    )
    grades = [
        {
            "label": label,
            "cells": [
                {
                    "count": table.get((grade, status), 0),
                    "url": _url("hazards:hazard-list", grade=grade, status=status, year=today.year),
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


def _year_table(user: Any, year: int) -> dict[tuple[str, str], int]:
    rows = (
        Hazard.objects.visible_to(user, "view")
        .filter(found_at__year=year)
        .order_by()
        .values("grade", "status")
        .annotate(n=Count("pk"))
    )
    return {(r["grade"], r["status"]): r["n"] for r in rows}


def grid_panel(user: Any, today: dt.date) -> dict[str, Any] | None:
    """A township grid officer's work: tips and hazards in the township, grid patrols this month, and the
    township's self-inspection compliance last month."""
    if not has_action(user, Hazard, "view"):
        return None
    first, _last = month_bounds(today)
    data: dict[str, Any] = {"hazards": scoped_hazard_counts(user, today)}
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
        start, end = previous_month(today)
        units = within_scopes(Unit.objects.all(), user, Inspection, "view")
        data["compliance"] = compliance_summary(units, start=start, end=end, today=today, group_by="township")
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
        data["hazards"] = scoped_hazard_counts(user, today)
        data["hazard_urls"] = {
            "open": _url("hazards:hazard-list", open="yes"), "overdue": _url("hazards:hazard-list", overdue="yes"),
            "major": _url("hazards:hazard-list", open="yes", grade=HazardGrade.MAJOR),
        }  # fmt: skip
    if has_action(user, Inspection, "view"):
        start, end = previous_month(today)
        units = within_scopes(Unit.objects.all(), user, Inspection, "view")
        data["compliance"] = compliance_summary(units, start=start, end=end, today=today, group_by="industry")
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
        "notices_url": _url("hazards:notice-list", status=NoticeStatus.OPEN),
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


class HazardStats:
    """The statistics by region behind the dashboard chart: hazards, units and listed cases in scope."""

    model = Hazard

    def region(self, user: Any, code: str) -> Region | None:
        region = Region.objects.visible_to(user, "view").filter(code=code).first()
        prefixes = [s.region_prefix for s in user_scopes(user, Hazard, "view")]
        if region is None or not any(p is None or code.startswith(p) for p in prefixes):
            return None
        return region

    def default_region(self, user: Any) -> Region | None:
        return default_region(user)

    def payload(self, user: Any, region: Region) -> dict[str, Any]:
        return stats_payload(user, region)


def register() -> None:
    """Called from ``HazardsConfig.ready()``."""
    from flameblue.hazards.models import MajorHazardProcedure

    register_summary_model(Hazard, Tip, SupervisionCase, Unit, MajorHazardProcedure)
    register_panel("command", command_panel, homes=["command"], order=10)
    register_panel("work_queue", work_queue, homes=["command", "inspector", "station"], order=15)
    register_panel("government", government_panel, homes=["government"], order=10)
    register_panel("hazard_overview", hazard_overview, homes=["government"], order=15)
    register_panel("grid", grid_panel, homes=["grid"], order=10)
    register_panel("department", department_panel, homes=["department"], order=10)
    register_panel("unit", unit_panel, homes=["unit"], order=15)
    register_stats_provider(HazardStats())
