"""The integrity demo seed on the persona org tree: liaison points with a year of visits (one member behind
this quarter), declarations with a conflict for qiaocheng_fire's relative's 谯城 unit, drinking reports in
every state; a second run changes nothing."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from flameblue.inspections.planning.conflicts import has_conflict
from flameblue.integrity import demo
from flameblue.integrity.models import DrinkingReport, LiaisonPoint, RelativeBusiness
from flameblue.integrity.selectors import liaison_due_list
from flameblue.org.choices import OrgKind
from tests.dates import frozen_on
from tests.factories import org, persona
from tests.units.factories import make_unit

pytestmark = [pytest.mark.date_sensitive, frozen_on(dt.date(2026, 12, 4))]


def test_demo_seeds_points_visits_declarations_and_reports_once(orgs, people):
    station = org("谯城区特勤消防救援站", OrgKind.STATION, "341602", parent=orgs.qiaocheng_brigade)
    persona("teqin_station", station, "station_commander")
    qiaocheng_fire = persona("qiaocheng_fire", orgs.qiaocheng_brigade, "brigade_inspector")
    persona("mengcheng_fire", orgs.mengcheng_brigade, "brigade_inspector")
    persona("zhidui_political", orgs.detachment, "political_officer")
    persona("zhidui_discipline", orgs.detachment, "discipline_officer")
    unit = make_unit(orgs.mall, credit_code="91341602MA2N000009")

    out = io.StringIO()
    created = demo.seed(out)

    assert created["points"] >= 3 and created["visits"] > 0 and "联系点" in out.getvalue()
    rows = liaison_due_list(LiaisonPoint.objects.all(), on=dt.date(2026, 12, 4))
    assert any(not r.complied for r in rows if r.obligation.code == "quarterly_visit")
    assert any(r.complied for r in rows if r.obligation.code == "quarterly_visit")
    declaration = RelativeBusiness.objects.get(person=qiaocheng_fire.person)
    assert declaration.matched_unit == unit and has_conflict(qiaocheng_fire.person, unit)
    assert RelativeBusiness.objects.filter(fire_service_firm=True).exists()
    assert set(DrinkingReport.objects.values_list("status", flat=True)) == {
        "submitted",
        "approved",
        "refused",
    }

    assert demo.seed(io.StringIO()) == {}
    assert LiaisonPoint.objects.count() == created["points"]
