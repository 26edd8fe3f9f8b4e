"""inspections' part of the home page: supervision checks due and planned this week (work-queue rows) and
self-inspection compliance summaries for the grid and department panels."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from flameblue.core.dashboard import QueueRow, filtered_url, month_bounds
from flameblue.core.scoping import has_action
from flameblue.inspections.models import InspectionPlan, InspectionPlanItem, SupervisionDue
from flameblue.inspections.planning.compliance import compliance_rates, obligations

__all__ = ["compliance_summary", "due_rows", "plan_rows"]


def compliance_summary(units: QuerySet, *, start: dt.date, end: dt.date, today: dt.date, group_by: str):
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
        "url": filtered_url(
            "inspections:compliance", start=start.isoformat(), end=end.isoformat(), group=group_by
        ),
    }  # fmt: skip


def due_rows(user: Any, today: dt.date) -> list[QueueRow]:
    """Work-queue rows: supervision checks due this month, and overdue ones."""
    if not has_action(user, SupervisionDue, "view"):
        return []
    _first, last = month_bounds(today)
    d = (
        SupervisionDue.objects.visible_to(user, "view")
        .order_by()
        .aggregate(
            month=Count("pk", filter=Q(next_due_on__gte=today, next_due_on__lte=last)),
            overdue=Count("pk", filter=Q(next_due_on__lt=today)),
        )
    )
    return [
        QueueRow(
            _("本月到期监督检查"),
            d["month"],
            filtered_url("inspections:due-list", due_from=today.isoformat(), due_to=last.isoformat()),
        ),
        QueueRow(
            _("逾期未监督检查"),
            d["overdue"],
            filtered_url("inspections:due-list", overdue="on"),
            warning=True,
        ),
    ]


def plan_rows(user: Any, today: dt.date) -> list[QueueRow]:
    """Work-queue row: this week's inspection plans (the count its list shows)."""
    if not has_action(user, InspectionPlanItem, "view"):
        return []
    monday = today - dt.timedelta(days=today.weekday())
    week = InspectionPlanItem.objects.visible_to(user, "view").filter(
        planned_on__gte=monday, planned_on__lte=monday + dt.timedelta(days=6)
    )
    plans = InspectionPlan.objects.visible_to(user, "view").filter(pk__in=week.values("plan_id"))
    return [
        QueueRow(
            _("本周检查计划"), plans.count(), filtered_url("inspections:plan-list", week=monday.isoformat())
        )
    ]
