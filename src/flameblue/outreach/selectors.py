"""Reads of the outreach app: training coverage and publicity reach, counted from records.

**Training coverage** (:func:`training_coverage`, public: the annual report calls it). For a year and the
sessions a user may see (``user=None``: every session, for trusted callers such as the annual report):

- ``sessions`` / ``attendees``: sessions held and people who attended (roster lines, or the head count of
  a session without a roster);
- ``roster_sessions`` / ``roster_attendees``: the sessions that kept a roster and its lines ("739人、4次");
- ``leaders`` / ``department_heads``: distinct people on rosters whose audience type counts as 党政领导 or
  部门负责人 (``official`` in ``rules/terms.yaml``); a person is the FlameBlue person when matched, else the
  name with the organisation as written, so one official trained twice counts once;
- ``headcount_officials``: head counts of roster-less sessions whose audience types are all official ones
  (these cannot be told apart, so they are added as counted);
- ``officials`` = leaders + department heads + headcount officials ("1000余名各级党政领导和部门负责人");
- ``governments`` / ``departments``: distinct governments and industry departments with a trained person;
- ``by_organization``: per government or department, who was trained (leaders, heads, sessions).

**Publicity reach** (:func:`publicity_reach`): drives, people present and online views by 七进 target (every
target listed, zeros too), by township and by drive type."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from flameblue.core.scoping import in_region
from flameblue.org.choices import OrgKind
from flameblue.outreach.choices import Official, TermKind
from flameblue.outreach.models import (
    Attendee,
    Distribution,
    Material,
    PrintRun,
    PublicityDrive,
    Term,
    TrainingSession,
)

__all__ = [
    "Coverage",
    "OrgCoverage",
    "coverage_of",
    "materials_with_stock",
    "publicity_reach",
    "training_coverage",
]


@dataclass
class OrgCoverage:
    """One government or department: how many of its leaders / department heads were trained."""

    name: str
    kind: str
    region: str
    leaders: int = 0
    department_heads: int = 0
    attendees: int = 0
    sessions: set[int] = field(default_factory=set)

    @property
    def session_count(self) -> int:
        return len(self.sessions)


@dataclass
class Coverage:
    year: int
    sessions: int = 0
    attendees: int = 0
    roster_sessions: int = 0
    roster_attendees: int = 0
    leaders: int = 0
    department_heads: int = 0
    headcount_officials: int = 0
    governments: int = 0
    departments: int = 0
    by_organization: list[OrgCoverage] = field(default_factory=list)

    @property
    def officials(self) -> int:
        return self.leaders + self.department_heads + self.headcount_officials


def _sessions(user: Any, year: int, region: str | None) -> QuerySet[TrainingSession]:
    qs = TrainingSession.objects.all() if user is None else TrainingSession.objects.visible_to(user)
    qs = qs.filter(held_on__year=year)
    if region:
        qs = qs.filter(in_region(region))
    return qs


def _official_kind(flags: dict[str, Any]) -> str | None:
    value = (flags or {}).get("official")
    return value if value in Official.values else None


def training_coverage(user: Any, year: int, region: str | None = None) -> Coverage:
    """The coverage figures of ``year`` over the sessions ``user`` may see (``None``: all), optionally in a
    region subtree. See the module docstring for what each figure counts."""
    return coverage_of(_sessions(user, year, region), year)


def coverage_of(sessions: QuerySet[TrainingSession], year: int = 0) -> Coverage:
    """The coverage figures over the given sessions (already narrowed to a period and a reader's view); the
    named figure ``outreach.officials_trained`` is its ``officials``."""
    sessions = sessions.annotate(n_roster=Count("attendees"))
    official_terms = {t.pk: _official_kind(t.flags) for t in Term.objects.filter(kind=TermKind.AUDIENCE)}
    cov = Coverage(year=year)
    roster_ids = []
    for s in sessions.prefetch_related("audiences"):
        cov.sessions += 1
        if s.n_roster:
            cov.roster_sessions += 1
            cov.roster_attendees += s.n_roster
            cov.attendees += s.n_roster
            roster_ids.append(s.pk)
            continue
        cov.attendees += s.head_count
        audiences = [official_terms.get(a.pk) for a in s.audiences.all()]
        if audiences and all(audiences):
            cov.headcount_officials += s.head_count
    _roster_officials(cov, roster_ids, official_terms)
    return cov


def _roster_officials(cov: Coverage, session_ids: list[int], official_terms: dict[int, str | None]) -> None:
    rows = Attendee.objects.filter(session_id__in=session_ids).values_list(
        "session_id", "person_id", "name", "organization_id", "organization_name", "audience_id",
        "organization__kind", "organization__name", "organization__region__name",
    )  # fmt: skip
    seen: dict[str, set[tuple[Any, ...]]] = {Official.LEADER: set(), Official.DEPARTMENT_HEAD: set()}
    orgs: dict[Any, OrgCoverage] = {}
    counted: dict[Any, set[tuple[Any, ...]]] = defaultdict(set)
    for session_id, person_id, name, org_id, org_name, audience_id, kind, real_name, region in rows:
        official = official_terms.get(audience_id)
        who = ("p", person_id) if person_id else ("n", name, org_id or org_name)
        if official:
            seen[official].add(who)
        if kind not in (OrgKind.GOVERNMENT, OrgKind.DEPARTMENT):
            continue
        entry = orgs.setdefault(org_id, OrgCoverage(name=real_name, kind=kind, region=region or ""))
        entry.sessions.add(session_id)
        entry.attendees += 1
        if official and (official, who) not in counted[org_id]:
            counted[org_id].add((official, who))
            if official == Official.LEADER:
                entry.leaders += 1
            else:
                entry.department_heads += 1
    cov.leaders = len(seen[Official.LEADER])
    cov.department_heads = len(seen[Official.DEPARTMENT_HEAD])
    cov.governments = sum(1 for o in orgs.values() if o.kind == OrgKind.GOVERNMENT)
    cov.departments = sum(1 for o in orgs.values() if o.kind == OrgKind.DEPARTMENT)
    cov.by_organization = sorted(
        orgs.values(), key=lambda o: (o.kind != OrgKind.GOVERNMENT, o.region, o.name)
    )


@dataclass
class ReachRow:
    label: str
    drives: int = 0
    present: int = 0
    online_views: int = 0


def publicity_reach(user: Any, year: int) -> dict[str, list[ReachRow]]:
    """Reach of the drives of ``year`` the user may see: by 七进 target, by township, by type."""
    drives = PublicityDrive.objects.all() if user is None else PublicityDrive.objects.visible_to(user)
    drives = drives.filter(held_on__year=year)
    sums = {"drives": Count("id"), "present": Sum("present"), "online_views": Sum("online_views")}

    def rows(key: str, label: str) -> dict[Any, ReachRow]:
        return {
            r[key]: ReachRow(label=r[label], drives=r["drives"], present=r["present"] or 0,
                             online_views=r["online_views"] or 0)
            for r in drives.values(key, label).annotate(**sums).order_by(key)
        }  # fmt: skip

    by_target = rows("target_id", "target__name")
    targets = [by_target.get(t.pk) or ReachRow(label=t.name)
               for t in Term.objects.filter(kind=TermKind.DRIVE_TARGET, active=True)]  # fmt: skip
    return {
        "by_target": targets,
        "by_township": list(rows("township_id", "township__name").values()),
        "by_type": list(rows("drive_type_id", "drive_type__name").values()),
    }


def materials_with_stock(queryset: QuerySet[Material]) -> QuerySet[Material]:
    """Materials annotated with the copies ``printed``, ``distributed`` and ``left`` (the stock)."""

    def total(model: Any) -> Any:
        sub = (
            model.objects.filter(material=OuterRef("pk"))
            .values("material")
            .annotate(n=Sum("copies"))
            .values("n")
        )
        return Coalesce(Subquery(sub), 0)

    return queryset.annotate(printed=total(PrintRun), distributed=total(Distribution)).annotate(
        left=F("printed") - F("distributed")
    )
