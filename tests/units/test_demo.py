"""The demo units: about 2,000 across all four counties and their townships, deterministic and idempotent."""

from __future__ import annotations

import io
import time

import pytest
from stdnum.cn import ric, uscc

from flameblue.geo.models import Region
from flameblue.units import demo
from flameblue.units.models import Unit

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite, pytest.mark.date_sensitive]

COUNTIES = ["341602", "341621", "341622", "341623"]


def test_seed_spreads_realistic_units_and_is_idempotent():
    started = time.monotonic()
    created = demo.seed(io.StringIO())
    assert time.monotonic() - started < 45
    units = Unit.objects.all()
    assert 1900 <= units.count() <= 2100
    townships = set(Region.objects.filter(parent_id__in=COUNTIES).values_list("code", flat=True))
    assert set(units.values_list("region_id", flat=True)) == townships
    assert units.values("place_type").distinct().count() == 11
    key_units = units.filter(is_key_unit=True)
    # Bozhou's registers: only a small share of units are key units (about 6–10 %).
    assert 0.06 <= key_units.count() / units.count() <= 0.10
    demo_categories = {kind.category for kind in demo.KINDS + demo.TOWNSHIP_KINDS + demo.SEAT_KINDS}
    assert set(units.values_list("category", flat=True)) == demo_categories
    assert set(key_units.values_list("category", flat=True)) == demo_categories - {"other"}
    assert created["units"] == units.count() and created["key_units"] == key_units.count()
    assert created["people"] == 2 * units.count() and created["organizations"] == units.count()
    sample = units.exclude(credit_code="").select_related("responsible_person", "safety_manager")[:50]
    assert all(uscc.is_valid(u.credit_code) for u in sample)
    assert all(ric.is_valid(u.responsible_person.id_number) for u in sample)
    assert all(ric.is_valid(u.safety_manager.id_number) for u in sample)
    key = units.filter(is_key_unit=True).first()
    assert key.key_unit_rules and key.key_unit_ruleset == "national-2001@2001.1"
    assert key.organization.name == key.name

    before = list(units.order_by("pk").values_list("pk", "name", "version"))
    out = io.StringIO()
    assert demo.seed(out) == {}
    assert list(Unit.objects.order_by("pk").values_list("pk", "name", "version")) == before
    assert "未作改动" in out.getvalue()


def test_seed_demo_records_the_unit_counts_in_its_single_import_event(monkeypatch):
    from django.core.management import call_command

    from flameblue.core.models import AuditEvent
    from flameblue.org.management.commands import seed_demo

    # Only the units hook: the other apps' demo data are covered in tests/setup.
    hooks = [(label, hook) for label, hook in seed_demo.seed_hooks() if label == "units"]
    monkeypatch.setattr(seed_demo, "seed_hooks", lambda: iter(hooks))
    call_command("seed_demo", "--quiet-accounts", stdout=io.StringIO())
    event = AuditEvent.objects.get(action="import", actor_name="seed-demo")
    created = event.changes["created"]
    assert created["units.units"] == Unit.objects.count()
    assert created["units.key_units"] == Unit.objects.filter(is_key_unit=True).count()
    assert not AuditEvent.objects.filter(object_type="units.unit", object_repr="演示数据").exists()
