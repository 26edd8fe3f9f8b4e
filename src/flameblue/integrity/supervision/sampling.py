"""The reproducible sample of a cross-review (消防执法网上交叉巡查): the population is the brigade's
submitted inspections (made by the brigade, on a day of the period) and its hazards (found in the period),
in a fixed order (record type, then id); ``random.Random(seed).sample`` picks from it. The same seed, the
same period and the same records therefore draw the same sample, and the stored seed lets anyone re-draw it
to check."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from flameblue.hazards.models import Hazard
from flameblue.inspections.choices import InspectionStatus
from flameblue.inspections.models import Inspection
from flameblue.integrity.supervision.checks import compute_all
from flameblue.integrity.supervision.choices import RecordType
from flameblue.org.models import Organization

__all__ = ["Sample", "draw", "items_for", "population"]


@dataclass(frozen=True)
class Sample:
    population: int
    keys: tuple[tuple[str, int], ...]
    records: tuple[Any, ...]


def _bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    tz = timezone.get_current_timezone()
    return (dt.datetime.combine(start, dt.time.min, tz),
            dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tz))  # fmt: skip


def population(*, brigade: Organization, start: dt.date, end: dt.date) -> list[tuple[str, int]]:
    """The keys that can be drawn, in their fixed order."""
    inspections = Inspection.objects.filter(
        organization=brigade,
        status=InspectionStatus.SUBMITTED,
        inspected_on__gte=start,
        inspected_on__lte=end,
    ).values_list("pk", flat=True)
    low, high = _bounds(start, end)
    hazards = Hazard.objects.filter(brigade=brigade, found_at__gte=low, found_at__lt=high).values_list(
        "pk", flat=True
    )
    keys = [(RecordType.HAZARD.value, pk) for pk in hazards] + [
        (RecordType.INSPECTION.value, pk) for pk in inspections
    ]
    return sorted(keys)


def draw(*, brigade: Organization, start: dt.date, end: dt.date, size: int, seed: int) -> Sample:
    keys = population(brigade=brigade, start=start, end=end)
    chosen = random.Random(seed).sample(keys, min(size, len(keys)))
    hazards = Hazard.objects.select_related("unit", "notice").in_bulk(
        [pk for kind, pk in chosen if kind == RecordType.HAZARD]
    )
    inspections = Inspection.objects.select_related("unit").in_bulk(
        [pk for kind, pk in chosen if kind == RecordType.INSPECTION]
    )
    records = tuple(hazards[pk] if kind == RecordType.HAZARD else inspections[pk] for kind, pk in chosen)
    return Sample(population=len(keys), keys=tuple(chosen), records=records)


def _label(record: Any) -> str:
    if isinstance(record, Hazard):
        return (
            f"{record.unit.name} · {record.description[:40]} · {timezone.localdate(record.found_at):%Y-%m-%d}"
        )
    return f"{record.unit.name} · {record.get_kind_display()} · {record.inspected_on:%Y-%m-%d}"


def items_for(review: Any, records: tuple[Any, ...], *, checklist: Any, today: dt.date) -> list[Any]:
    """The unsaved item rows of a drawn sample, each with the computed answers of its checklist points."""
    from flameblue.integrity.supervision.models import CrossReviewItem

    items = []
    for position, record in enumerate(records, start=1):
        kind = RecordType.HAZARD if isinstance(record, Hazard) else RecordType.INSPECTION
        items.append(
            CrossReviewItem(
                review=review, position=position, record_type=kind,
                hazard=record if kind == RecordType.HAZARD else None,
                inspection=record if kind == RecordType.INSPECTION else None, label=_label(record)[:200],
                computed=compute_all(record, checklist.for_type(kind), today),
            )
        )  # fmt: skip
    return items
