"""The integrity figures count the restricted integrity records: one more drinking report, declaration,
warning-education session, disposed clue or closed finding of the year moves its figure by one (a record of
another year, an undisposed clue or a finding still open does not); showing a figure's records to a reader is
a logged read of each row, counting the figure is not."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from flameblue.core.figures import FigurePeriod, figure, figure_records, figure_value, records_shown
from flameblue.core.models import AuditAction, AuditEvent
from flameblue.integrity.discipline.choices import ClueStatus
from flameblue.integrity.discipline.models import Clue, WarningSession
from flameblue.integrity.models import DrinkingReport, RelativeBusiness
from flameblue.integrity.supervision.choices import FindingStatus
from flameblue.integrity.supervision.models import SupervisionFinding
from flameblue.org.models import User
from tests.reports.figure_helpers import clone, value

pytestmark = pytest.mark.django_db

BOZHOU = ZoneInfo("Asia/Shanghai")
CODES = ("integrity.drinking_reports", "integrity.declarations", "integrity.warning_sessions",
         "integrity.clues_disposed", "integrity.findings_rectified")  # fmt: skip


def test_one_more_integrity_record_moves_its_figure_by_one(demo):
    before = {code: value(code) for code in CODES}
    clone(DrinkingReport.objects.first(), occasion_on=dt.date(2019, 5, 1))
    clone(DrinkingReport.objects.first(), occasion_on=dt.date(2020, 1, 1))
    clone(RelativeBusiness.objects.first(), year=2019)
    clone(RelativeBusiness.objects.first(), year=2018)
    clone(WarningSession.objects.first(), held_on=dt.date(2019, 8, 8))
    clue = Clue.objects.first()
    clone(clue, number="2019-演示-1", received_on=dt.date(2019, 3, 1), status=ClueStatus.CLOSED)
    clone(Clue.objects.get(pk=clue.pk), number="2019-演示-2", received_on=dt.date(2019, 3, 2),
          status=ClueStatus.PRELIMINARY)  # fmt: skip
    finding = SupervisionFinding.objects.first()
    closed = dt.datetime(2019, 12, 31, 23, 30, tzinfo=BOZHOU)
    clone(finding, status=FindingStatus.CLOSED, closed_at=closed)
    clone(SupervisionFinding.objects.get(pk=finding.pk), status=FindingStatus.REPORTED, closed_at=None)
    assert {code: value(code) for code in CODES} == {code: n + 1 for code, n in before.items()}


def test_showing_integrity_records_is_a_logged_read(demo):
    reader = User.objects.get(username="zhidui_discipline")
    reports = figure("integrity.drinking_reports")
    this_year = FigurePeriod.year(DrinkingReport.objects.latest("occasion_on").occasion_on.year)
    reveals = AuditEvent.objects.filter(action=AuditAction.REVEAL, object_type="integrity.drinkingreport")
    before = reveals.count()
    assert figure_value(reports, this_year, user=reader).value > 0  # counting is not a read
    assert reveals.count() == before
    rows = list(figure_records(reports, this_year, user=reader)[:20])
    records_shown(reports, rows, user=reader)
    event = reveals.latest("pk")
    assert reveals.count() == before + 1
    assert event.changes["ids"] == [row.pk for row in rows] and event.actor_id == reader.pk
    records_shown(figure("corps.incidents"), [], user=reader)  # figures over other records log nothing
    assert all(figure(code).on_read is not None for code in CODES)
    assert figure("corps.incidents").on_read is None
