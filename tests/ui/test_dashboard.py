"""Each role lands on its own dashboard: the panels of its home, and none of the panels of other roles."""

import pytest
from django.urls import reverse

from flameblue.core import audit
from flameblue.core.models import AuditAction
from flameblue.core.notify import Message, notify

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite, pytest.mark.date_sensitive]

ROLE_PANELS = {
    "work_queue",
    "government",
    "hazard_overview",
    "grid",
    "department",
    "unit",
    "command",
    "audit",
}


def panels(client):
    return client.get(reverse("core:dashboard")).context["panels"]


def role_panels(client) -> set[str]:
    return set(panels(client)) & ROLE_PANELS


def test_inspector_sees_jurisdiction_and_counts_in_scope(login, people, orgs):
    response = login(people.qiaocheng).get(reverse("core:dashboard"))
    assert [r.code for r in response.context["regions"]] == ["341602"]
    counts = {c["label"]: c["count"] for c in response.context["counts"]}
    assert counts["组织机构"] == 7  # 谯城区 government, brigade, two departments, street, school, mall
    assert "安徽省亳州市谯城区" in response.content.decode()
    assert "recent_events" not in response.context


def test_inspector_home_is_the_work_queue(login, people):
    html = login(people.qiaocheng).get(reverse("core:dashboard")).content.decode()
    assert "待办工作" in html and "逾期未整改隐患" in html and "待核查举报" in html
    assert "本周检查计划" in html and "重点单位待复核" in html
    assert role_panels(login(people.qiaocheng)) == {"work_queue"}


def test_government_leader_sees_supervision_and_hazard_overview_only(login, people):
    assert role_panels(login(people.city_leader)) == {"government", "hazard_overview"}
    html = login(people.city_leader).get(reverse("core:dashboard")).content.decode()
    assert "待决定挂牌督办" in html and "逾期未整改隐患分布" in html
    assert "待办工作" not in html


def test_grid_officer_sees_the_township_panel(login, people):
    assert role_panels(login(people.grid)) == {"grid"}
    html = login(people.grid).get(reverse("core:dashboard")).content.decode()
    assert "网格巡查" in html and "单位自查落实率" in html


def test_department_supervisor_sees_the_industry_panel(login, people):
    assert role_panels(login(people.edu)) == {"department"}
    assert "本行业单位与隐患" in login(people.edu).get(reverse("core:dashboard")).content.decode()


def test_unit_manager_sees_own_unit_and_its_hazards(login, people, orgs):
    response = login(people.unit_manager).get(reverse("core:dashboard"))
    assert list(response.context["my_units"]) == [orgs.school]
    assert set(response.context["panels"]) & ROLE_PANELS == {"unit"}
    assert "待整改隐患" in response.content.decode()


def test_detachment_sees_city_statistics_with_a_chart(login, people):
    client = login(people.detachment)
    html = client.get(reverse("core:dashboard")).content.decode()
    assert role_panels(client) == {"command", "work_queue"}
    assert f'data-stats-url="{reverse("core:dashboard-stats")}?region=3416"' in html
    assert "js/dashboard-charts.js" in html and "echarts.min.js" in html
    assert "<script>" not in html  # no inline script (CSP)


def test_auditor_sees_recent_audit_events_and_no_counts(login, people, orgs):
    audit.record(AuditAction.UPDATE, by=people.detachment, obj=orgs.mengcheng_gov)
    response = login(people.auditor).get(reverse("core:dashboard"))
    assert response.context["panels"] == ["audit", "inbox", "links"]
    assert len(response.context["recent_events"]) >= 1
    assert orgs.mengcheng_gov.name in response.content.decode()


def test_sysadmin_sees_account_and_role_management(login, people):
    response = login(people.sysadmin).get(reverse("core:dashboard"))
    urls = {link["url"] for link in response.context["admin_links"]}
    assert reverse("org:user-list") in urls and reverse("org:role-list") in urls
    assert role_panels(login(people.sysadmin)) == set()


def test_user_without_roles_gets_a_hint(login, people):
    html = login(people.outsider).get(reverse("core:dashboard")).content.decode()
    assert "尚未分配角色" in html


def test_unread_messages_show_on_the_dashboard_and_in_the_navbar(login, people):
    notify([people.grid], Message(subject="隐患逾期提醒"))
    notify([people.grid], Message(subject="举报逾期提醒"))
    response = login(people.grid).get(reverse("core:dashboard"))
    block = next(b for b in response.context["blocks"] if b["name"] == "inbox")
    assert block["data"]["unread"] == 2
    html = response.content.decode()
    assert f'href="{reverse("core:inbox")}" data-testid="nav-inbox"' in html
    assert 'text-bg-danger">2<' in html


def test_no_unread_badge_when_the_inbox_is_read(login, people):
    html = login(people.grid).get(reverse("core:dashboard")).content.decode()
    assert 'data-testid="nav-inbox"' in html
    assert 'text-bg-danger">0<' not in html
