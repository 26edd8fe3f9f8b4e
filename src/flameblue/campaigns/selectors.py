"""Reads of special campaigns: progress counted from records. A target unit counts as *checked* when it has
a submitted inspection dated in the campaign period, *with hazards* when a hazard was found on it in the
period, and its hazards count as *rectified* (closed) or *overdue* (open past their deadline). Counted for
the whole campaign, by township and by assignee, only over the targets the user may see."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from flameblue.campaigns.kinds import FactField, kind_rule
from flameblue.campaigns.models import Campaign, CampaignRecord, CampaignTarget
from flameblue.hazards.choices import HazardStatus
from flameblue.inspections.choices import InspectionStatus
from flameblue.inspections.models import Inspection

__all__ = ["Progress", "annotated_targets", "covers", "fact_fields", "progress", "progress_rows"]

#: Hazard statuses that are still open (not rectified, not withdrawn or dismissed).
OPEN_STATUSES = (
    HazardStatus.FOUND,
    HazardStatus.CONFIRMED,
    HazardStatus.RECTIFYING,
    HazardStatus.COMPLETION_REPORTED,
)
COUNTED_STATUSES = (*OPEN_STATUSES, HazardStatus.CLOSED)


@dataclass
class Progress:
    """整治进度 of a set of targets."""

    label: str = ""
    targets: int = 0
    checked: int = 0
    with_hazards: int = 0
    hazards: int = 0
    rectified: int = 0
    overdue: int = 0
    extra: dict[str, Any] = field(default_factory=dict)
    #: The campaign's facts in the order of its kind's fields (set by ``progress``).
    fact_values: list[Any] = field(default_factory=list)

    @property
    def checked_rate(self) -> int:
        return round(100 * self.checked / self.targets) if self.targets else 0

    @property
    def rectified_rate(self) -> int:
        return round(100 * self.rectified / self.hazards) if self.hazards else 0


def _period(campaign: Campaign, today: dt.date) -> tuple[dt.date, dt.date]:
    return campaign.starts_on, min(campaign.ends_on, today)


def annotated_targets(campaign: Campaign, targets: QuerySet[CampaignTarget], today: dt.date | None = None):
    """The targets with ``is_checked``, ``n_hazards``, ``n_rectified`` and ``n_overdue`` from the unit's
    records in the campaign period."""
    today = today or timezone.localdate()
    start, end = _period(campaign, today)
    inspections = Inspection.objects.filter(
        unit_id=OuterRef("unit_id"), status=InspectionStatus.SUBMITTED, inspected_on__gte=start,
        inspected_on__lte=end,
    )  # fmt: skip
    in_period = Q(unit__hazards__found_at__date__gte=start, unit__hazards__found_at__date__lte=end)
    counted = in_period & Q(unit__hazards__status__in=COUNTED_STATUSES)
    return targets.annotate(
        is_checked=Exists(inspections),
        n_hazards=Count("unit__hazards", filter=counted),
        n_rectified=Count("unit__hazards", filter=in_period & Q(unit__hazards__status=HazardStatus.CLOSED)),
        n_overdue=Count(
            "unit__hazards",
            filter=in_period & Q(unit__hazards__status__in=OPEN_STATUSES, unit__hazards__deadline__lt=today),
        ),
    )


def _add(total: Progress, row: Any, facts: dict[str, Any] | None = None) -> None:
    for code, value in (facts or {}).items():
        total.extra[code] = total.extra.get(code, 0) + int(value)
    total.targets += 1
    total.checked += int(bool(row.is_checked))
    total.with_hazards += int(row.n_hazards > 0)
    total.hazards += row.n_hazards
    total.rectified += row.n_rectified
    total.overdue += row.n_overdue


def progress_rows(campaign: Campaign, user: Any, today: dt.date | None = None) -> list[Any]:
    targets = (
        CampaignTarget.objects.visible_to(user)
        .filter(campaign=campaign)
        .select_related("unit", "unit__region")
    )
    return list(annotated_targets(campaign, targets, today).order_by("unit__region_id", "unit__name"))


def fact_fields(campaign: Campaign) -> list[FactField]:
    """The campaign's own facts (from its kind's rule file), in the order progress shows them."""
    rule = kind_rule(campaign.kind)
    return list(rule.fields) if rule else []


def progress(campaign: Campaign, user: Any, today: dt.date | None = None) -> dict[str, Any]:
    """Totals, by township and by assignee, over the targets ``user`` may see; the campaign's facts
    (``Progress.extra``) summed from the targets' records (counts added up, yes/no flags counted)."""
    rows = progress_rows(campaign, user, today)
    fields = fact_fields(campaign)
    records = dict(
        CampaignRecord.objects.filter(target__campaign=campaign, target_id__in=[r.pk for r in rows])
        .values_list("target_id", "facts")
    )  # fmt: skip
    known = {f.code for f in fields}
    for row in rows:
        row.facts = {k: v for k, v in (records.get(row.pk) or {}).items() if k in known}
    total = Progress(label=str(campaign))
    by_region: dict[str, Progress] = {}
    for row in rows:
        _add(total, row, row.facts)
        region = by_region.setdefault(row.unit.region_id, Progress(label=row.unit.region.name))
        _add(region, row, row.facts)
    by_assignee = []
    for assignment in campaign.assignments.select_related("assignee").order_by("id"):
        share = Progress(label=assignment.assignee.name)
        for row in rows:
            if covers(assignment.assignee, row.unit):
                _add(share, row, row.facts)
        by_assignee.append(share)
    for p in (total, *by_region.values(), *by_assignee):
        p.fact_values = [p.extra.get(f.code, 0) for f in fields]
    for row in rows:
        row.fact_values = [row.facts.get(f.code, 0) for f in fields]
    return {
        "total": total,
        "totals": [total],
        "by_region": [by_region[k] for k in sorted(by_region)],
        "by_assignee": by_assignee,
        "rows": rows,
        "fields": fields,
    }


def covers(org: Any, unit: Any) -> bool:
    """An assignee's share: the targets in its region (in its industry for a department)."""
    return unit.region_id.startswith(org.region_id) and (
        not org.industry_id or unit.industry_id == org.industry_id
    )
