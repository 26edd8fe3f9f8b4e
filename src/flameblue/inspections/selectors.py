"""Reads of inspections for pages and the API: the scoped list, one inspection's items grouped by section
with answers and photos, and a unit's self-inspections of today and this month (the unit manager's home)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from flameblue.core.notify_models import StoredFile
from flameblue.inspections.choices import InspectionKind, InspectionStatus
from flameblue.inspections.measurements import describe, parse_spec
from flameblue.inspections.models import Finding, Inspection, InspectionAnswer
from flameblue.org.choices import OrgKind
from flameblue.org.selectors import active_memberships_for_user
from flameblue.units.models import Unit

__all__ = [
    "SelfInspectionDay",
    "answer_photos",
    "inspection_sections",
    "inspections_for",
    "managed_units",
    "self_inspection_today",
]

ANSWER_OWNER = "inspections.inspectionanswer"


def inspections_for(user: Any, action: str = "view") -> QuerySet[Inspection]:
    """The inspections ``user`` may see, with what a list row shows (finding counts without a GROUP BY).

    The checklist is not joined: a list row does not show it, and one more join made PostgreSQL spend longer
    planning the page's query (≈ 7 ms against ≈ 3 ms at province scale) than running it."""
    findings = (
        Finding.objects.filter(inspection=OuterRef("pk"))
        .order_by()
        .values("inspection")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Inspection.objects.visible_to(user, action)
        .select_related("unit", "region", "inspector__person", "organization")
        .annotate(finding_count=Coalesce(Subquery(findings), 0))
    )


def answer_photos(answers: list[InspectionAnswer]) -> dict[int, list[StoredFile]]:
    photos: dict[int, list[StoredFile]] = {a.pk: [] for a in answers}
    rows = StoredFile.objects.filter(owner_type=ANSWER_OWNER, owner_id__in=[str(pk) for pk in photos])
    for stored in rows.order_by("uploaded_at", "id"):
        photos[int(stored.owner_id)].append(stored)
    return photos


@dataclass
class Section:
    title: str
    items: list[Any] = field(default_factory=list)


def _measurement_view(item: Any) -> dict[str, Any] | None:
    if not item.measurement:
        return None
    spec = parse_spec(item.measurement)
    return {
        "numerator_label": spec.numerator_label,
        "denominator_label": spec.denominator_label,
        "threshold": f"{spec.threshold.normalize():f}",
        "comparison": spec.comparison,
        "variants": [
            {"code": v.code, "label": v.label, "threshold": f"{v.threshold.normalize():f}"}
            for v in spec.variants
        ],
        "text": describe(item.measurement),
    }


def inspection_sections(inspection: Inspection) -> list[Section]:
    """The checklist's items grouped by section, each with ``answer``, ``photos``, ``finding`` and
    ``measure`` (the measurement's labels and threshold) attached."""
    answers = {a.item_id: a for a in inspection.answers.all()}
    photos = answer_photos(list(answers.values()))
    findings = {f.answer_id: f for f in inspection.findings.select_related("hazard")}
    sections: list[Section] = []
    for item in inspection.checklist.items.order_by("order"):
        if not sections or sections[-1].title != item.section:
            sections.append(Section(item.section))
        answer = answers.get(item.pk)
        item.answer = answer
        item.photos = photos.get(answer.pk, []) if answer else []
        item.finding = findings.get(answer.pk) if answer else None
        item.measure = _measurement_view(item)
        sections[-1].items.append(item)
    return sections


def managed_units(user: Any) -> QuerySet[Unit]:
    """The units whose staff ``user`` is (their social-unit memberships)."""
    org_ids = [
        m.organization_id
        for m in active_memberships_for_user(user)
        if m.organization.kind == OrgKind.SOCIAL_UNIT
    ]
    return Unit.objects.visible_to(user, "view").filter(organization_id__in=org_ids).order_by("name")


@dataclass(frozen=True)
class SelfInspectionDay:
    """Today's daily fire patrol and this month's fire check of one unit: the submitted record when done,
    else the draft in progress (None when not started)."""

    unit: Unit
    today: dt.date
    patrol: Inspection | None
    monthly: Inspection | None

    @property
    def patrol_done(self) -> bool:
        return self.patrol is not None and self.patrol.status == InspectionStatus.SUBMITTED

    @property
    def monthly_done(self) -> bool:
        return self.monthly is not None and self.monthly.status == InspectionStatus.SUBMITTED


def _latest(qs: QuerySet[Inspection]) -> Inspection | None:
    # Submitted first ("submitted" > "draft"), then the newest.
    return qs.order_by("-status", "-started_at", "-pk").first()


def self_inspection_today(unit: Unit, today: dt.date | None = None) -> SelfInspectionDay:
    today = today or timezone.localdate()
    own = Inspection.objects.filter(unit=unit)
    patrol = _latest(own.filter(kind=InspectionKind.SELF_PATROL, inspected_on=today))
    monthly = _latest(
        own.filter(
            kind=InspectionKind.SELF_MONTHLY, inspected_on__year=today.year, inspected_on__month=today.month
        )
    )
    return SelfInspectionDay(unit=unit, today=today, patrol=patrol, monthly=monthly)
