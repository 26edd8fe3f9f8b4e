"""Reads of event security: the hazards found at a venue by its pre-event inspections, and the commander's
readiness — per venue: checked (a submitted pre-event inspection, or for an ad-hoc place a recorded site
check), hazards open (found there, neither closed nor accepted) and posts staffed (every post has people on
the roster for every day of the event); the event is green only when every venue is all three."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from flameblue.events.choices import VENUE_CONTEXT
from flameblue.events.models import Event, HazardAcceptance, RosterShift, Venue
from flameblue.hazards.choices import OPEN_STATUSES
from flameblue.hazards.models import Hazard
from flameblue.inspections.choices import InspectionStatus
from flameblue.inspections.models import Inspection

__all__ = ["PostReadiness", "Readiness", "VenueReadiness", "open_hazards", "readiness", "venue_hazards",
           "venue_inspections"]  # fmt: skip


def venue_inspections(venue: Venue) -> QuerySet[Inspection]:
    """The pre-event inspections of ``venue`` (tagged with it), newest first."""
    return Inspection.objects.filter(context_type=VENUE_CONTEXT, context_id=str(venue.pk)).order_by(
        "-inspected_on", "-pk"
    )


def venue_hazards(venue: Venue) -> QuerySet[Hazard]:
    """Every hazard found at ``venue`` by its pre-event inspections."""
    return Hazard.objects.filter(
        finding__inspection__context_type=VENUE_CONTEXT, finding__inspection__context_id=str(venue.pk)
    ).order_by("pk")


def open_hazards(venue: Venue) -> QuerySet[Hazard]:
    """The venue's hazards that still block it: not closed (rectified, withdrawn) and not accepted."""
    accepted = HazardAcceptance.objects.filter(venue=venue).values("hazard_id")
    return venue_hazards(venue).filter(status__in=OPEN_STATUSES).exclude(pk__in=accepted)


@dataclass
class PostReadiness:
    post: Any
    missing_days: list[dt.date]

    @property
    def staffed(self) -> bool:
        return not self.missing_days


@dataclass
class VenueReadiness:
    venue: Venue
    checked: bool
    open_hazards: int
    posts: list[PostReadiness] = field(default_factory=list)

    @property
    def staffed(self) -> bool:
        return bool(self.posts) and all(p.staffed for p in self.posts)

    @property
    def ready(self) -> bool:
        return self.checked and self.open_hazards == 0 and self.staffed


@dataclass
class Readiness:
    venues: list[VenueReadiness]

    @property
    def green(self) -> bool:
        return bool(self.venues) and all(v.ready for v in self.venues)

    @property
    def ready_count(self) -> int:
        return sum(1 for v in self.venues if v.ready)


def _staffed_days(venues: list[Venue]) -> dict[int, set[dt.date]]:
    """Per post, the days on which at least one shift has people on it."""
    days: dict[int, set[dt.date]] = defaultdict(set)
    shifts = RosterShift.objects.filter(post__venue__in=venues, people__isnull=False).values_list(
        "post_id", "date"
    )
    for post_id, day in shifts.distinct():
        days[post_id].add(day)
    return days


def _checked(venue: Venue, submitted: set[str]) -> bool:
    if venue.is_ad_hoc:
        return venue.site_checked_on is not None
    return str(venue.pk) in submitted


def readiness(event: Event) -> Readiness:
    """The readiness of every venue of ``event`` (a fact about the event, counted from its records)."""
    venues = list(event.venues.select_related("unit").prefetch_related("posts").order_by("id"))
    submitted = set(
        Inspection.objects.filter(
            context_type=VENUE_CONTEXT,
            context_id__in=[str(v.pk) for v in venues],
            status=InspectionStatus.SUBMITTED,
        ).values_list("context_id", flat=True)
    )
    staffed = _staffed_days(venues)
    event_days = event.days
    rows = []
    for venue in venues:
        posts = [
            PostReadiness(post=p, missing_days=[d for d in event_days if d not in staffed.get(p.pk, set())])
            for p in venue.posts.all()
        ]
        rows.append(
            VenueReadiness(
                venue=venue, checked=_checked(venue, submitted), open_hazards=open_hazards(venue).count(),
                posts=posts,
            )
        )  # fmt: skip
    return Readiness(venues=rows)
