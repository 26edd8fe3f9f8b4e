import pytest
from django.urls import reverse

from flameblue.hazards.services import hazard_report
from tests.units.factories import make_unit

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_unit_page_lists_its_hazards_for_those_who_may_see_them(client, people, orgs):
    unit = make_unit(orgs.mall)
    hazard_report(by=people.qiaocheng, unit=unit, description="疏散通道堆放杂物", source="supervision")
    client.force_login(people.qiaocheng)
    page = client.get(reverse("units:unit-detail", args=[unit.pk])).content.decode()
    assert "疏散通道堆放杂物" in page
    client.force_login(people.auditor)
    assert client.get(reverse("units:unit-detail", args=[unit.pk])).status_code == 403


def test_unit_page_without_hazard_permission_has_no_hazard_section(client, people, orgs):
    from flameblue.org.models import Role

    role = Role.objects.get(code="grid_officer")
    role.actions = [a for a in role.actions if not a.startswith("hazards.")]
    role.save()
    unit = make_unit(orgs.mall)
    hazard_report(by=people.qiaocheng, unit=unit, description="疏散通道堆放杂物", source="supervision")
    client.force_login(people.grid)
    page = client.get(reverse("units:unit-detail", args=[unit.pk])).content.decode()
    assert "疏散通道堆放杂物" not in page
