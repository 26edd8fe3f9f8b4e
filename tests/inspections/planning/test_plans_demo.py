"""The inspections demo: a year of every kind on whatever units exist, reproducible draws, run once only."""

from __future__ import annotations

import io

import pytest

from flameblue.inspections.demo import seed
from flameblue.inspections.models import Draw, Finding, Inspection, InspectionPlan, SupervisionDue
from flameblue.inspections.planning.draws import draw_verify
from flameblue.units.models import Unit

pytestmark = pytest.mark.date_sensitive


def test_demo_seeds_a_year_of_inspections_once(people, plan_units, many_units):
    counts = seed(io.StringIO())

    kinds = set(Inspection.objects.values_list("kind", flat=True))
    assert {"supervision", "spot_check", "self_patrol", "self_monthly"} <= kinds
    assert counts["inspections"] == Inspection.objects.count() > 100
    assert Finding.objects.count() == counts["findings"]
    patrol = Inspection.objects.filter(kind="self_patrol", unit=plan_units.school)
    assert 200 < patrol.count() < 365  # a daily streak with gaps
    assert all(inspection.answers.count() == inspection.checklist.items.count() for inspection in patrol[:5])

    draw = Draw.objects.get(brigade__region_id="341602")
    assert draw.status == "published" and draw_verify(draw)
    assert Inspection.objects.filter(draw_assignment__draw=draw).exists()
    assert SupervisionDue.objects.count() == Unit.objects.count()  # every unit has its due date
    assert InspectionPlan.objects.count() <= 1

    assert seed(io.StringIO()) == {}
    assert Inspection.objects.count() == counts["inspections"]
