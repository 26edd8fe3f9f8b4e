"""`flameblue load-reference-data` loads regions, industries and roles, and can run any number of times."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from flameblue.geo.models import Region
from flameblue.org.models import Industry, Role

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def _counts() -> tuple[int, int, int]:
    return Region.objects.count(), Industry.objects.count(), Role.objects.count()


def test_loading_twice_changes_nothing():
    call_command("load_reference_data", stdout=StringIO())
    before = _counts()
    out = StringIO()
    call_command("load_reference_data", stdout=out)
    assert _counts() == before
    assert "0 created, 0 updated" in out.getvalue()
    assert Region.objects.filter(code__startswith="3416", level="township").count() == 96


def test_missing_roles_and_regions_come_back():
    Role.objects.filter(code="auditor").delete()
    Region.objects.filter(code="341602201").delete()
    call_command("load_reference_data", stdout=StringIO())
    assert Role.objects.filter(code="auditor").exists()
    assert Region.objects.get(code="341602201").name == "赵桥乡"


def test_edited_role_actions_are_kept_unless_overwrite_is_asked():
    Role.objects.filter(code="grid_officer").update(actions=["geo.region.view"])
    call_command("load_reference_data", stdout=StringIO())
    assert Role.objects.get(code="grid_officer").actions == ["geo.region.view"]

    call_command("load_reference_data", overwrite_roles=True, stdout=StringIO())
    assert "units.*.view" in Role.objects.get(code="grid_officer").actions
