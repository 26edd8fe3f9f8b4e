"""Chinese users read records in their words: permission actions by name (the code in small print), field
names and local times in change histories, object types by their model's name, place categories by their
label, people by their name (the username only as a tooltip)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.urls import reverse

from flameblue.core.models import AuditEvent
from flameblue.hazards.supervision import determination_services as dets
from flameblue.org.models import Role
from tests.factories import persona
from tests.hazards.lifecycle_helpers import confirm, report
from tests.units.factories import make_unit

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_a_roles_actions_read_as_names_with_the_code_in_small_print(login, people):
    role = Role.objects.get(code="detachment_admin")
    page = login(people.sysadmin).get(reverse("org:role-detail", kwargs={"pk": role.pk})).content.decode()
    assert "人员：查看完整身份证号" in page
    assert '<small class="text-body-secondary">org.person.reveal</small>' in page
    assert "<code" not in page
    assert "支队指挥" in page  # the home page's name, not ``command``


def test_the_role_list_names_roles_and_homes(login, people):
    page = login(people.sysadmin).get(reverse("org:role-list")).content.decode()
    assert "<code>" not in page and "防火监督" in page


def test_action_names_have_english_translations(login, people):
    client = login(people.sysadmin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    role = Role.objects.get(code="detachment_admin")
    page = client.get(reverse("org:role-detail", kwargs={"pk": role.pk})).content.decode()
    assert "Reveal full ID number" in page and "查看完整身份证号" not in page


def test_audit_events_show_the_model_name_field_names_and_local_time(login, people):
    event = AuditEvent.objects.create(
        actor=people.detachment, actor_name=people.detachment.username, action="update",
        object_type="hazards.hazard", object_id="7", object_repr="疏散通道堆放杂物",
        changes={"confirmed_at": [None, "2026-12-04T04:30:00+00:00"], "status": ["found", "rectifying"]},
    )  # fmt: skip
    AuditEvent.objects.create(action="update", object_type="org.user", object_id="1", object_repr="zhidui")
    client = login(people.auditor)
    listing = client.get(reverse("core:audit-list")).content.decode()
    assert "<code>org.user</code>" not in listing and "账号" in listing
    detail = client.get(reverse("core:audit-detail", kwargs={"pk": event.pk})).content.decode()
    assert "确认时间" in detail and "2026-12-04 12:30" in detail  # Asia/Shanghai, not UTC ISO
    assert "T04:30:00" not in detail and "<code>confirmed_at</code>" not in detail
    assert "整改中" in detail  # the status's label, not ``rectifying``


def test_the_units_history_names_fields_and_people(login, orgs, people):
    officer = persona("wangjg", orgs.qiaocheng_brigade, "brigade_inspector", name="王建国")
    unit = make_unit(orgs.school, category="school")
    AuditEvent.objects.create(
        actor=officer, actor_name=officer.username, action="update", object_type="units.unit",
        object_id=str(unit.pk), object_repr=unit.name, changes={"address": ["旧址", "谯城区学府路1号"]},
    )  # fmt: skip
    page = login(people.qiaocheng).get(reverse("units:unit-detail", kwargs={"pk": unit.pk})).content.decode()
    assert '<span title="wangjg">王建国</span>' in page
    assert "<code>address</code>" not in page


def test_hazard_history_shows_the_inspectors_name(login, orgs):
    officer = persona("wangjg", orgs.qiaocheng_brigade, "brigade_inspector", name="王建国")
    unit = make_unit(orgs.mall, category="shop")
    hazard = confirm(report(unit, officer), officer)
    page = login(officer).get(reverse("hazards:hazard-detail", kwargs={"pk": hazard.pk})).content.decode()
    assert '<span title="wangjg">王建国</span>' in page


def test_a_determination_names_its_place_categories(login, orgs, people):
    unit = make_unit(orgs.mall, category="shop")
    hazard = confirm(report(unit, people.qiaocheng), people.qiaocheng)
    det = dets.determination_create(
        hazard=hazard, by=people.qiaocheng, standard="GB35181-2017", categories=["crowded"], elements=["6.6"],
        found_on=dt.date(2025, 11, 5),
    )  # fmt: skip
    page = login(people.qiaocheng).get(reverse("hazards:determination-detail", kwargs={"pk": det.pk}))
    text = page.content.decode()
    assert "人员密集场所" in text and "crowded" not in text
