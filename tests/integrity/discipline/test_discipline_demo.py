"""The discipline demo seed on the persona org tree: clues in every disposal state (the oldest one overdue),
the procuratorate exchange linked to clues, a phone and a credit check for officers with a few gaps the
compliance page shows, pledges, warning sessions with rosters, 述职述廉 and the ten measures; a second run
changes nothing."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from flameblue.integrity import demo
from flameblue.integrity.discipline.choices import ClueStatus
from flameblue.integrity.discipline.models import (
    Clue,
    FamilyPledge,
    IntegrityReport,
    PhoneRegistration,
    ProcuratorateExchange,
    ServiceMeasure,
    WarningSession,
)
from flameblue.integrity.discipline.selectors import declaration_compliance
from flameblue.org.choices import OrgKind
from tests.dates import frozen_on
from tests.factories import org, persona

pytestmark = [pytest.mark.date_sensitive, frozen_on(dt.date(2026, 12, 4))]


def test_demo_seeds_discipline_records_in_every_state_once(orgs, people):
    station = org("谯城区特勤消防救援站", OrgKind.STATION, "341602", parent=orgs.qiaocheng_brigade)
    persona("teqin_station", station, "station_commander")
    for i in range(8):
        persona(f"qc_demo{i}", orgs.qiaocheng_brigade, "brigade_inspector")
    persona("zhidui_political", orgs.detachment, "political_officer")
    discipline = persona("zhidui_discipline", orgs.detachment, "discipline_officer")

    created = demo.seed(io.StringIO())

    assert set(Clue.objects.values_list("status", flat=True)) == set(ClueStatus.values)
    assert Clue.objects.filter(status="registered", overdue_since__isnull=False).exists()
    assert ProcuratorateExchange.objects.filter(clue__isnull=False).count() >= 2
    assert created["phones"] == PhoneRegistration.objects.count() > 0
    rows = declaration_compliance(discipline, year=2026)
    assert any(r.complete for r in rows) and any(not r.complete for r in rows)
    assert FamilyPledge.objects.exists() and IntegrityReport.objects.exists()
    assert WarningSession.objects.filter(attendees__isnull=False).exists()
    assert ServiceMeasure.objects.count() == 10
    assert ServiceMeasure.objects.filter(status="done").exists()

    assert demo.seed(io.StringIO()) == {}
    assert Clue.objects.count() == created["clues"]
