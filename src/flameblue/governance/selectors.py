"""Reads of governance, each starting from ``visible_to``: signing progress per issuing government, a
committee's meetings this year by mechanism, and the open and overdue action items of a user's scope."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q, QuerySet

from flameblue.governance.choices import ActionItemStatus, LetterStatus, MeetingKind
from flameblue.governance.models import ActionItem, Meeting, ResponsibilityLetter

__all__ = [
    "action_item_counts",
    "assessment_standing",
    "listed_hazard_counts",
    "meetings_by_kind",
    "overdue_q",
    "signing_progress",
]


def overdue_q(today: dt.date) -> Q:
    """Open action items whose written feedback is late as of ``today``."""
    return Q(status=ActionItemStatus.OPEN, feedback_due_on__lt=today)


def signing_progress(user: Any, year: int) -> list[dict[str, Any]]:
    """ "签订 N / M" per issuing government for ``year``, over the letters ``user`` may see."""
    rows = (
        ResponsibilityLetter.objects.visible_to(user)
        .filter(year=year)
        .values("issuer_id", "issuer__name")
        .annotate(total=Count("id"), signed=Count("id", filter=Q(status=LetterStatus.SIGNED)))
        .order_by("issuer__region_id", "issuer__name")
    )
    return [
        {"issuer_id": r["issuer_id"], "issuer": r["issuer__name"], "signed": r["signed"], "total": r["total"],
         "unsigned": r["total"] - r["signed"]}
        for r in rows
    ]  # fmt: skip


def meetings_by_kind(meetings: QuerySet[Meeting], year: int) -> list[dict[str, Any]]:
    """How many meetings of each kind were held in ``year`` (every kind listed, zeros included)."""
    counts = dict(
        meetings.filter(held_on__year=year)
        .values_list("kind")
        .annotate(n=Count("id"))
        .values_list("kind", "n")
    )
    return [
        {"kind": kind, "label": label, "count": counts.get(kind, 0)} for kind, label in MeetingKind.choices
    ]


def action_item_counts(user: Any, today: dt.date) -> dict[str, int]:
    """Open, overdue, answered-awaiting-closure and closed action items in ``user``'s scope."""
    return ActionItem.objects.visible_to(user).aggregate(
        open=Count("id", filter=Q(status=ActionItemStatus.OPEN)),
        overdue=Count("id", filter=overdue_q(today)),
        answered=Count("id", filter=Q(status=ActionItemStatus.ANSWERED)),
        closed=Count("id", filter=Q(status=ActionItemStatus.CLOSED)),
    )


def assessment_standing(user: Any) -> list[dict[str, Any]]:
    """The latest assessment entry of each organization the user belongs to that is assessed (a county
    government, a department): its status and, once published, total, grade and rank among how many."""
    from flameblue.core.scoping import user_memberships
    from flameblue.governance.assessment.models import AssessmentEntry

    own = {m.organization.pk for m in user_memberships(user)}
    entries = (
        AssessmentEntry.objects.visible_to(user)
        .filter(assessed_id__in=own)
        .select_related("assessment", "assessed")
        .order_by("assessed_id", "-assessment__year", "-pk")
    )
    latest: dict[int, Any] = {}
    for entry in entries:
        latest.setdefault(entry.assessed_id, entry)
    rows = []
    for entry in latest.values():
        assessment = entry.assessment
        rows.append({
            "entry_id": entry.pk, "assessed": entry.assessed.name, "year": assessment.year,
            "title": assessment.title, "status": entry.get_status_display(),
            "published": assessment.status == "published", "total": entry.total, "grade": entry.grade,
            "rank": entry.rank, "of": assessment.entries.count(), "vetoed": entry.vetoed,
        })  # fmt: skip
    return rows


def listed_hazard_counts(user: Any, today: dt.date) -> dict[str, Any] | None:
    """Hazards under listed supervision (挂牌督办) in the user's scope: listed now, past their supervision
    deadline, and delisted this year; ``None`` when the user may not see supervision cases."""
    from flameblue.core.scoping import has_action
    from flameblue.hazards.choices import SupervisionStatus
    from flameblue.hazards.models import SupervisionCase

    if not has_action(user, SupervisionCase, "view"):
        return None
    counts = SupervisionCase.objects.visible_to(user).aggregate(
        listed=Count("id", filter=Q(status=SupervisionStatus.LISTED)),
        past_deadline=Count("id", filter=Q(status=SupervisionStatus.LISTED, deadline__lt=today)),
        delisted=Count("id", filter=Q(status=SupervisionStatus.DELISTED, delisted_at__year=today.year)),
    )
    return counts
