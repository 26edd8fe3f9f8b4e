"""The demo units: about 2,000 across all four counties and their townships, deterministic and idempotent."""

from __future__ import annotations

import io
import time

import pytest
from stdnum.cn import ric, uscc

from flameblue.geo.models import Region
from flameblue.units import demo
from flameblue.units.models import Unit

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

COUNTIES = ["341602", "341621", "341622", "341623"]


def test_seed_spreads_realistic_units_and_is_idempotent():
    started = time.monotonic()
    demo.seed(io.StringIO())
    assert time.monotonic() - started < 45
    units = Unit.objects.all()
    assert 1900 <= units.count() <= 2100
    townships = set(Region.objects.filter(parent_id__in=COUNTIES).values_list("code", flat=True))
    assert set(units.values_list("region_id", flat=True)) == townships
    assert units.filter(is_key_unit=True).count() > 100
    assert units.values("place_type").distinct().count() == 11
    sample = units.exclude(credit_code="").select_related("responsible_person", "safety_manager")[:50]
    assert all(uscc.is_valid(u.credit_code) for u in sample)
    assert all(ric.is_valid(u.responsible_person.id_number) for u in sample)
    assert all(ric.is_valid(u.safety_manager.id_number) for u in sample)
    key = units.filter(is_key_unit=True).first()
    assert key.key_unit_rules and key.key_unit_ruleset == "national-2001@2001.1"
    assert key.organization.name == key.name

    before = list(units.order_by("pk").values_list("pk", "name", "version"))
    out = io.StringIO()
    demo.seed(out)
    assert list(Unit.objects.order_by("pk").values_list("pk", "name", "version")) == before
    assert "未作改动" in out.getvalue()
