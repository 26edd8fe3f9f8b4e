import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone

from flameblue.core.models import AuditAction, AuditEvent
from flameblue.org.models import User
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_login_page_says_the_session_expired(client):
    html = client.get(reverse("login"), {"expired": "1"}).content.decode()
    assert "会话已超时，请重新登录" in html
    assert "会话已超时" not in client.get(reverse("login")).content.decode()


def test_login_lands_on_the_dashboard(client, people, password):
    response = client.post(reverse("login"), {"username": "qiaocheng", "password": password})
    assert response.status_code == 302 and response["Location"] == reverse("core:dashboard")


def test_sixth_login_after_five_failures_shows_the_locked_page(client, people, password):
    for _ in range(5):
        client.post(reverse("login"), {"username": "qiaocheng", "password": "wrong-password"})
    response = client.post(reverse("login"), {"username": "qiaocheng", "password": password})
    assert response.status_code == 403
    assert "账号已锁定，请 15 分钟后再试" in response.content.decode()


def test_profile_shows_person_memberships_and_roles(login, people):
    html = login(people.qiaocheng).get(reverse("account-profile")).content.decode()
    assert "谯城区消防救援大队" in html and "大队防火监督员" in html
    assert reverse("account-password") in html
    assert reverse("twofactor-setup") in html


def test_password_change_checks_old_password_and_rules(login, people, password):
    client = login(people.qiaocheng)
    url = reverse("account-password")
    wrong = client.post(
        url, {"old_password": "nope", "password": "Abc#12345678", "password_confirm": "Abc#12345678"}
    )
    assert "原密码不正确" in str(wrong.context["form"].errors["old_password"])
    weak = client.post(url, {"old_password": password, "password": "short", "password_confirm": "short"})
    assert weak.context["form"].errors["password"]
    ok = client.post(
        url, {"old_password": password, "password": "Xin#Mima-2026", "password_confirm": "Xin#Mima-2026"}
    )
    assert ok.status_code == 302
    people.qiaocheng.refresh_from_db()
    assert people.qiaocheng.check_password("Xin#Mima-2026")
    assert client.get(reverse("account-profile")).status_code == 200  # still logged in


def test_user_create_validates_the_initial_password(login, people, orgs):
    person = PersonFactory(organization=orgs.qiaocheng_gov)
    client = login(people.sysadmin)
    data = {"username": "new_official", "person": person.pk, "password": "abc", "password_confirm": "abc"}
    response = client.post(reverse("org:user-create"), data)
    assert response.status_code == 400 and response.context["form"].errors["password"]
    assert not User.objects.filter(username="new_official").exists()
    data.update(password="Chu#Shi-Mima2026", password_confirm="Chu#Shi-Mima2026")
    assert client.post(reverse("org:user-create"), data).status_code == 302
    assert User.objects.get(username="new_official").person == person


def test_user_create_refuses_a_taken_username_on_its_field(login, people):
    data = {"username": "QIAOCHENG", "password": "Chu#Shi-Mima2026", "password_confirm": "Chu#Shi-Mima2026"}
    response = login(people.sysadmin).post(reverse("org:user-create"), data)
    assert "已被使用" in str(response.context["form"].errors["username"])


def test_disabling_an_account_needs_a_reason_and_is_audited(login, people):
    client = login(people.secadmin)
    url = reverse("org:user-toggle-active", kwargs={"pk": people.grid.pk})
    assert client.post(url, {"active": "0", "reason": ""}).context["form"].errors["reason"]
    assert client.post(url, {"active": "0", "reason": "人员调离岗位"}).status_code == 302
    people.grid.refresh_from_db()
    assert not people.grid.is_active
    event = AuditEvent.objects.filter(action=AuditAction.SECURITY, object_id=str(people.grid.pk)).get()
    assert event.reason == "人员调离岗位" and event.changes["is_active"] == [True, False]


def test_unlock_clears_the_lockout_and_is_audited(login, people):
    AccessAttempt.objects.create(
        username="grid",
        ip_address="10.0.0.1",
        user_agent="t",
        get_data="",
        post_data="",
        failures_since_start=5,
        attempt_time=timezone.now(),
    )
    client = login(people.secadmin)
    detail = client.get(reverse("org:user-detail", kwargs={"pk": people.grid.pk}))
    assert detail.context["locked"] is True
    response = client.post(
        reverse("org:user-unlock", kwargs={"pk": people.grid.pk}), {"reason": "本人来电确认身份"}
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="grid").exists()
    event = AuditEvent.objects.get(action=AuditAction.SECURITY, object_id=str(people.grid.pk))
    assert event.changes == {"lockout_cleared": 1} and event.actor == people.secadmin
