"""Per-person coverage of political education: for the people of a unit's tree, which programmes each one
attended (at least one session) and how many sessions — two queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet

from flameblue.community.education.models import EducationProgramme, EducationSession
from flameblue.org.choices import FIRE_SERVICE_KINDS
from flameblue.org.models import Person

__all__ = ["PersonCoverage", "coverage"]


@dataclass(frozen=True)
class PersonCoverage:
    person: Person
    #: programme id → sessions attended
    sessions: dict[int, int]
    #: (programme, sessions attended) in the order of the programmes, for the table
    cells: list[tuple[EducationProgramme, int]]

    def attended(self, programme: EducationProgramme) -> int:
        return self.sessions.get(programme.pk, 0)


def coverage(
    people: QuerySet[Person], programmes: list[EducationProgramme]
) -> tuple[list[PersonCoverage], dict[int, int]]:
    """Each fire-service person of ``people`` with the sessions attended per programme, and per programme
    how many of them attended at least once."""
    people = list(
        people.filter(is_active=True, organization__kind__in=FIRE_SERVICE_KINDS)
        .select_related("organization").order_by("organization__region_id", "organization__name", "name")
    )  # fmt: skip
    through = EducationSession.attendees.through.objects.filter(
        educationsession__programme__in=programmes, person__in=[p.pk for p in people]
    ).values_list("person_id", "educationsession__programme_id")
    counts: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for person_id, programme_id in through:
        counts[person_id][programme_id] += 1
    rows = []
    for p in people:
        sessions = dict(counts[p.pk])
        rows.append(PersonCoverage(p, sessions, [(prog, sessions.get(prog.pk, 0)) for prog in programmes]))
    reached = {prog.pk: sum(1 for r in rows if r.attended(prog)) for prog in programmes}
    return rows, reached
