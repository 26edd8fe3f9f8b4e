"""The demo units: about 2,000 across all four counties and their townships, deterministic and idempotent.

They are read from the shared ``demo`` fixture (``tests/demo_session.py``, seeded once per test process): what
the units hook created is in the demo's single import event, and re-running the hook on top adds nothing."""

from __future__ import annotations

import io

import pytest
from stdnum.cn import ric, uscc

from flameblue.geo.models import Region
from flameblue.units import demo as units_demo
from flameblue.units.models import Unit

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite, pytest.mark.date_sensitive]

COUNTIES = ["341602", "341621", "341622", "341623"]


def test_seed_spreads_realistic_units_and_is_idempotent(demo):
    assert demo.seconds["units"] < 45
    created = {key.removeprefix("units."): n for key, n in demo.created.items() if key.startswith("units.")}
    units = Unit.objects.all()
    assert 1900 <= units.count() <= 2100
    # The units of the organization demo's social units (亳州市第一中学 …) are registered one by one.
    named = units.filter(name__in=list(units_demo.NAMED_UNITS))
    assert created["named_units"] == named.count() == len(units_demo.NAMED_UNITS)
    townships = set(Region.objects.filter(parent_id__in=COUNTIES).values_list("code", flat=True))
    assert set(units.values_list("region_id", flat=True)) == townships
    assert units.values("place_type").distinct().count() == 11
    key_units = units.filter(is_key_unit=True)
    # Bozhou's registers: only a small share of units are key units (about 6–10 %).
    assert 0.06 <= key_units.count() / units.count() <= 0.10
    demo_categories = {
        kind.category for kind in units_demo.KINDS + units_demo.TOWNSHIP_KINDS + units_demo.SEAT_KINDS
    }
    assert set(units.values_list("category", flat=True)) == demo_categories
    # Anhui's criteria: county archives are not key units (市级以上档案馆, 四（二）).
    assert set(key_units.values_list("category", flat=True)) == demo_categories - {"other", "archive"}
    generated = units.exclude(pk__in=named)
    assert created["units"] == generated.count()
    assert created["key_units"] == generated.filter(is_key_unit=True).count()
    assert created["people"] == 2 * generated.count() and created["organizations"] == generated.count()
    sample = units.exclude(credit_code="").select_related("responsible_person", "safety_manager")[:50]
    assert all(uscc.is_valid(u.credit_code) for u in sample)
    assert all(ric.is_valid(u.responsible_person.id_number) for u in sample)
    assert all(ric.is_valid(u.safety_manager.id_number) for u in sample)
    key = units.filter(is_key_unit=True).first()
    assert key.key_unit_rules and key.key_unit_ruleset == "anhui@2026.1+national-2001@2001.2"
    assert key.organization.name == key.name

    before = list(units.order_by("pk").values_list("pk", "name", "version"))
    out = io.StringIO()
    assert units_demo.seed(out) == {}
    assert list(Unit.objects.order_by("pk").values_list("pk", "name", "version")) == before
    assert "未作改动" in out.getvalue()


def test_seed_demo_records_the_unit_counts_in_its_single_import_event(demo):
    from flameblue.core.models import AuditEvent

    event = AuditEvent.objects.get(action="import", actor_name="seed-demo")
    created = event.changes["created"]
    assert created["units.units"] + created["units.named_units"] == Unit.objects.count()
    generated = Unit.objects.exclude(name__in=list(units_demo.NAMED_UNITS))
    assert created["units.key_units"] == generated.filter(is_key_unit=True).count()
    assert not AuditEvent.objects.filter(object_type="units.unit", object_repr="演示数据").exists()
