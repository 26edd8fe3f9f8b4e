"""The brigade's actions on the annual declaration pages: accept a submitted declaration, run the rollover
after the deadline, and settle each proposed removal through the key-unit decision."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from flameblue.core.errors import DomainError, PermissionDeniedError
from flameblue.core.models import AuditEvent
from flameblue.units import services
from flameblue.units.models import KeyUnitDeclaration, Unit

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]

LIST = reverse("units:declaration-list")
ROLLOVER = reverse("units:declaration-rollover")
LAST_YEAR = timezone.localdate().year - 1  # its deadline (31 January) has passed


@pytest.fixture
def key_units(people, units):
    for unit in (units.school, units.mall, units.hospital):
        services.key_unit_confirm(unit, by=people.detachment)
    return units


def _accept_url(declaration: KeyUnitDeclaration) -> str:
    return reverse("units:declaration-accept", args=[declaration.pk])


def test_brigade_accepts_a_submitted_declaration_from_the_list(login, people, key_units):
    declaration = services.declaration_submit(unit=key_units.school, by=people.unit_manager, year=LAST_YEAR)
    client = login(people.qiaocheng)
    page = client.get(LIST, {"year": LAST_YEAR}).content.decode()
    assert _accept_url(declaration) in page

    response = client.post(_accept_url(declaration))

    assert response.status_code == 302 and response["Location"] == f"{LIST}?year={LAST_YEAR}"
    declaration.refresh_from_db()
    assert declaration.status == "accepted" and declaration.updated_by == people.qiaocheng
    event = AuditEvent.objects.filter(object_type="units.keyunitdeclaration", object_id=str(declaration.pk))
    assert event.filter(
        action="update", actor=people.qiaocheng, changes__status=["submitted", "accepted"]
    ).exists()
    assert "已确认" in client.get(LIST, {"year": LAST_YEAR}).content.decode()


def test_unit_manager_cannot_accept_their_own_declaration(login, people, key_units):
    declaration = services.declaration_submit(unit=key_units.school, by=people.unit_manager, year=LAST_YEAR)
    client = login(people.unit_manager)
    assert _accept_url(declaration) not in client.get(LIST, {"year": LAST_YEAR}).content.decode()
    assert client.post(_accept_url(declaration)).status_code == 403
    with pytest.raises(PermissionDeniedError):
        services.declaration_accept(declaration, by=people.unit_manager)
    declaration.refresh_from_db()
    assert declaration.status == "submitted"


def test_other_county_brigade_gets_404_on_the_accept(login, people, key_units):
    declaration = services.declaration_submit(unit=key_units.school, by=people.unit_manager, year=LAST_YEAR)
    assert login(people.mengcheng).post(_accept_url(declaration)).status_code == 404
    declaration.refresh_from_db()
    assert declaration.status == "submitted"


def test_a_proposed_removal_cannot_be_accepted(login, people, key_units):
    services.declaration_submit(unit=key_units.school, by=people.unit_manager, year=LAST_YEAR)
    Unit.objects.filter(pk=key_units.school.pk).update(dormitory_beds=0)
    services.declaration_rollover(year=LAST_YEAR, by=people.qiaocheng)
    declaration = KeyUnitDeclaration.objects.get(unit=key_units.school, year=LAST_YEAR)
    assert declaration.status == "removal_proposed"
    with pytest.raises(DomainError):
        services.declaration_accept(declaration, by=people.qiaocheng)
    response = login(people.qiaocheng).post(_accept_url(declaration), follow=True)
    assert "建议移出" in response.content.decode()
    declaration.refresh_from_db()
    assert declaration.status == "removal_proposed"


def test_rollover_before_the_deadline_is_refused_with_a_message(login, people, key_units):
    next_year = timezone.localdate().year + 1
    response = login(people.qiaocheng).post(ROLLOVER, {"year": next_year}, follow=True)
    assert "之前不能顺延" in response.content.decode()
    assert not KeyUnitDeclaration.objects.exists()


def test_rollover_page_counts_and_links_to_the_proposed_removals(login, people, key_units):
    Unit.objects.filter(pk=key_units.mall.pk).update(building_area_m2=800)  # no longer qualifies
    client = login(people.qiaocheng)
    assert ROLLOVER in client.get(LIST, {"year": LAST_YEAR}).content.decode()

    response = client.post(ROLLOVER, {"year": LAST_YEAR})

    assert response.status_code == 200
    result = response.context["result"]
    assert (result.rolled_over, result.proposed_removal) == (1, 1)  # school rolls over; the mall is proposed
    removals = f"{LIST}?year={LAST_YEAR}&amp;status=removal_proposed"
    assert removals in response.content.decode()
    # Mengcheng's hospital is not in Qiaocheng's jurisdiction: it was left alone.
    assert not KeyUnitDeclaration.objects.filter(unit=key_units.hospital).exists()

    again = client.post(ROLLOVER, {"year": LAST_YEAR}).context["result"]
    assert (again.rolled_over, again.proposed_removal) == (0, 0)


def test_proposed_removal_is_rejected_from_the_removal_list(login, people, key_units):
    Unit.objects.filter(pk=key_units.mall.pk).update(building_area_m2=800)
    client = login(people.qiaocheng)
    client.post(ROLLOVER, {"year": LAST_YEAR})
    removals = f"{LIST}?year={LAST_YEAR}&status=removal_proposed"
    response = client.get(removals)
    assert [d.unit.name for d in response.context["object_list"]] == ["亳州万达广场"]
    mall = Unit.objects.get(pk=key_units.mall.pk)
    decide = reverse("units:unit-key-decision", args=[mall.pk])
    assert decide in response.content.decode()

    response = client.post(
        decide, {"decision": "reject", "reason": "营业面积缩减", "version": mall.version, "next": removals}
    )

    assert response.status_code == 302 and response["Location"] == removals
    mall.refresh_from_db()
    assert not mall.is_key_unit and mall.key_unit_decision == "rejected" and not mall.key_unit_needs_review
    assert AuditEvent.objects.filter(
        object_type="units.unit", object_id=str(mall.pk), reason="营业面积缩减"
    ).exists()
    assert "已移出" in client.get(removals).content.decode()


def test_keeping_a_proposed_removal_needs_a_reason(login, people, key_units):
    Unit.objects.filter(pk=key_units.mall.pk).update(building_area_m2=800)
    services.declaration_rollover(year=LAST_YEAR, by=people.qiaocheng)
    mall = Unit.objects.get(pk=key_units.mall.pk)
    client = login(people.qiaocheng)
    decide = reverse("units:unit-key-decision", args=[mall.pk])
    response = client.post(decide, {"decision": "confirm", "reason": "", "version": mall.version})
    assert response.status_code == 400 and "理由" in response.content.decode()
    response = client.post(
        decide,
        {
            "decision": "confirm",
            "reason": "仍属人员密集场所",
            "version": mall.version,
            "next": "https://evil.example/",
        },
    )
    assert response.status_code == 302 and response["Location"] == reverse(
        "units:unit-detail", args=[mall.pk]
    )
    mall.refresh_from_db()
    assert mall.is_key_unit and not mall.key_unit_needs_review


def test_rollover_needs_the_key_unit_decision_right(people, key_units):
    with pytest.raises(PermissionDeniedError):
        services.declaration_rollover(year=LAST_YEAR, by=people.unit_manager, today=dt.date(LAST_YEAR, 3, 1))
    assert not KeyUnitDeclaration.objects.exists()
