"""Reads of the integrity app: the audited read of a restricted record, the liaison due list, and the
conflict provider that the inspections app's 双随机 draw and inspector assignment consult."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from flameblue.core import audit
from flameblue.integrity.models import LiaisonObligation, LiaisonPoint, RelativeBusiness
from flameblue.integrity.policy import conflict_rule, obligations_in_force, period_of

__all__ = ["DueRow", "liaison_due_list", "member_compliance", "record_read", "relative_business_conflicts"]


def record_read(obj: Any, *, by: Any) -> None:
    """Every read of a declaration or a drinking report is audited, not only writes."""
    audit.record(audit.AuditAction.REVEAL, by=by, obj=obj, reason=_("查阅廉政记录"))


def relative_business_conflicts(
    person_ids: Collection[int], unit_ids: Collection[int], on: dt.date
) -> set[tuple[int, int]]:
    """The conflict provider (registered with ``inspections.planning.conflicts``): a person conflicts with a
    unit when a declaration still valid on ``on`` (its year or the following ``valid_years - 1`` years)
    matched that unit."""
    first_year = on.year - conflict_rule().valid_years + 1
    rows = RelativeBusiness.objects.filter(
        person_id__in=list(person_ids),
        matched_unit_id__in=list(unit_ids),
        year__gte=first_year,
        year__lte=on.year,
    ).values_list("person_id", "matched_unit_id")
    return set(rows)


@dataclass(frozen=True)
class DueRow:
    """One liaison point against one obligation in the period containing the day asked about."""

    point: LiaisonPoint
    obligation: LiaisonObligation
    period_start: dt.date
    period_end: dt.date
    visits: int

    @property
    def complied(self) -> bool:
        return self.visits >= self.obligation.min_visits

    @property
    def missing(self) -> int:
        return max(self.obligation.min_visits - self.visits, 0)


def liaison_due_list(points, *, on: dt.date) -> list[DueRow]:
    """Each active point (of ``points``, already scoped) against each obligation for the period containing
    ``on``: how many visits it had and whether the obligation is met (the obligations in force, loaded from
    the rule file; each row names its version). One query per obligation."""
    rows: list[DueRow] = []
    active = points.filter(active=True, since__lte=on).select_related("member", "organization")
    for obligation in obligations_in_force():
        start, end = period_of(obligation.period, on)
        counted = active.annotate(
            n=Count("visits", filter=Q(visits__visited_on__gte=start, visits__visited_on__lte=end))
        )
        rows.extend(DueRow(p, obligation, start, end, p.n) for p in counted)
    rows.sort(key=lambda r: (r.complied, r.point.member.name, r.point.organization.name, r.obligation.code))
    return rows


def member_compliance(rows: list[DueRow]) -> list[dict[str, Any]]:
    """The due list summed per member: obligations met out of obligations due."""
    summary: dict[int, dict[str, Any]] = {}
    for row in rows:
        entry = summary.setdefault(row.point.member_id, {"member": row.point.member, "due": 0, "met": 0})
        entry["due"] += 1
        entry["met"] += row.complied
    return sorted(summary.values(), key=lambda e: (e["met"] - e["due"], e["member"].name))
