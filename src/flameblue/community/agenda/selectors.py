"""Agenda discipline: for each party committee a user sees and each period of a year, whether every tag of
a vocabulary appeared on its agenda as often as the tag's rule asks (e.g. the 双拥 "四不忘": 议题、筹划、分析
each quarter). Computed in two queries; periods not yet begun are not due."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet

from flameblue.community.agenda.choices import TagPeriod
from flameblue.community.agenda.models import AgendaItem, AgendaTag
from flameblue.org.models import Organization

__all__ = ["CommitteeCompliance", "Gap", "agenda_compliance"]

SHUANGYONG = "shuangyong"


@dataclass(frozen=True)
class Gap:
    """A tag that appeared ``count`` times in a period where ``minimum`` were due."""

    tag: AgendaTag
    period: str  # "Q1".."Q4" or "year"
    count: int
    minimum: int
    due: bool  # the period has ended: a gap, not merely "not yet"


@dataclass
class CommitteeCompliance:
    committee: Organization
    #: tag code → period label → count
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    gaps: list[Gap] = field(default_factory=list)
    #: (tag, [(period label, count), …]) in the order of the tags, for the table
    cells: list[tuple[AgendaTag, list[tuple[str, int]]]] = field(default_factory=list)

    @property
    def compliant(self) -> bool:
        return not any(g.due for g in self.gaps)


def _quarter(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def periods_begun(year: int, today: dt.date) -> tuple[list[int], set[str]]:
    """(quarters begun, periods ended): the quarters of ``year`` begun by ``today`` and the labels of the
    periods (``Q1``…, ``year``) already over."""
    if year < today.year:
        return [1, 2, 3, 4], {"Q1", "Q2", "Q3", "Q4", "year"}
    if year > today.year:
        return [], set()
    current = _quarter(today)
    return list(range(1, current + 1)), {f"Q{q}" for q in range(1, current)}


def agenda_compliance(
    committees: QuerySet[Organization], year: int, today: dt.date, vocabulary: str = SHUANGYONG
) -> tuple[list[AgendaTag], list[CommitteeCompliance]]:
    """The tags of ``vocabulary`` and, per committee, the counts per period and the gaps (a period begun
    with fewer items than the rule asks; ``due`` once the period has ended)."""
    tags = list(AgendaTag.objects.filter(vocabulary=vocabulary, active=True))
    committees = list(committees.order_by("region_id", "name"))
    counts: dict[tuple[int, str, str], int] = defaultdict(int)
    rows = (
        AgendaItem.tags.through.objects.filter(
            agendatag__in=tags, agendaitem__meeting__committee__in=committees,
            agendaitem__meeting__held_on__year=year,
        ).values_list("agendaitem__meeting__committee_id", "agendatag__code", "agendaitem__meeting__held_on")
    )  # fmt: skip
    for committee_id, code, held_on in rows:
        counts[(committee_id, code, f"Q{_quarter(held_on)}")] += 1
        counts[(committee_id, code, "year")] += 1
    quarters, ended = periods_begun(year, today)
    result = []
    for committee in committees:
        row = CommitteeCompliance(committee)
        for tag in tags:
            labels = (
                [f"Q{q}" for q in quarters]
                if tag.period == TagPeriod.QUARTER
                else (["year"] if quarters else [])
            )
            row.counts[tag.code] = {label: counts[(committee.pk, tag.code, label)] for label in labels}
            row.cells.append((tag, list(row.counts[tag.code].items())))
            for label, n in row.counts[tag.code].items():
                if n < tag.minimum:
                    row.gaps.append(Gap(tag, label, n, tag.minimum, label in ended))
        result.append(row)
    return tags, result
