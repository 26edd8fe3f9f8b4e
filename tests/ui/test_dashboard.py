import pytest
from django.urls import reverse

from flameblue.core import audit
from flameblue.core.models import AuditAction

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_inspector_sees_jurisdiction_and_counts_in_scope(login, people, orgs):
    response = login(people.qiaocheng).get(reverse("core:dashboard"))
    assert [r.code for r in response.context["regions"]] == ["341602"]
    counts = {c["label"]: c["count"] for c in response.context["counts"]}
    assert counts["组织机构"] == 7  # 谯城区 government, brigade, two departments, street, school, mall
    assert "安徽省亳州市谯城区" in response.content.decode()
    assert "recent_events" not in response.context


def test_auditor_sees_recent_audit_events_and_no_counts(login, people, orgs):
    audit.record(AuditAction.UPDATE, by=people.detachment, obj=orgs.mengcheng_gov)
    response = login(people.auditor).get(reverse("core:dashboard"))
    assert response.context["panels"] == ["audit", "links"]
    assert len(response.context["recent_events"]) >= 1
    assert orgs.mengcheng_gov.name in response.content.decode()


def test_sysadmin_sees_account_and_role_management(login, people):
    response = login(people.sysadmin).get(reverse("core:dashboard"))
    urls = {link["url"] for link in response.context["admin_links"]}
    assert reverse("org:user-list") in urls and reverse("org:role-list") in urls


def test_unit_manager_sees_own_unit(login, people, orgs):
    response = login(people.unit_manager).get(reverse("core:dashboard"))
    assert list(response.context["my_units"]) == [orgs.school]


def test_user_without_roles_gets_a_hint(login, people):
    html = login(people.outsider).get(reverse("core:dashboard")).content.decode()
    assert "尚未分配角色" in html
