import pytest
from django.urls import reverse

from flameblue.core.models import AuditAction, AuditEvent
from flameblue.org.models import Person
from tests.factories import PersonFactory, make_id_number

pytestmark = pytest.mark.django_db

ID_NUMBER = make_id_number(7)


@pytest.fixture
def resident(orgs):
    return PersonFactory(
        name="王小明", phone="13855551234", organization=orgs.huaxilou_gov, id_number=ID_NUMBER
    )


def test_detail_shows_phone_and_id_number_masked(login, people, resident):
    html = (
        login(people.qiaocheng).get(reverse("org:person-detail", kwargs={"pk": resident.pk})).content.decode()
    )
    assert "138****1234" in html and resident.id_number_masked in html
    assert "13855551234" not in html and ID_NUMBER not in html


def test_list_shows_masked_phones_only(login, people, resident):
    html = login(people.qiaocheng).get(reverse("org:person-list"), {"q": "王小明"}).content.decode()
    assert "138****1234" in html and "13855551234" not in html


def test_person_form_refuses_a_bad_id_number_with_the_reason(login, people, orgs):
    bad = ID_NUMBER[:-1] + ("0" if ID_NUMBER[-1] != "0" else "1")
    data = {"name": "李四", "organization": orgs.qiaocheng_gov.pk, "id_number": bad, "is_active": "on"}
    response = login(people.detachment).post(reverse("org:person-create"), data)
    assert response.status_code == 200
    assert "身份证号码校验位错误" in str(response.context["form"].errors["id_number"])
    assert 'value="李四"' in response.content.decode()
    assert not Person.objects.filter(name="李四").exists()


def test_person_form_refuses_a_short_id_number(login, people, orgs):
    data = {
        "name": "李四",
        "organization": orgs.qiaocheng_gov.pk,
        "id_number": "34160219850101",
        "is_active": "on",
    }
    response = login(people.detachment).post(reverse("org:person-create"), data)
    assert "长度应为 18 位" in str(response.context["form"].errors["id_number"])


def test_person_form_refuses_a_bad_phone_with_the_reason(login, people, orgs):
    data = {"name": "李四", "organization": orgs.qiaocheng_gov.pk, "phone": "12345", "is_active": "on"}
    response = login(people.detachment).post(reverse("org:person-create"), data)
    assert "手机号应为 1 开头的 11 位数字" in str(response.context["form"].errors["phone"])


def test_create_person_stores_id_number_encrypted(login, people, orgs):
    data = {
        "name": "李四",
        "organization": orgs.qiaocheng_gov.pk,
        "id_number": ID_NUMBER,
        "phone": "13912345678",
        "is_active": "on",
    }
    assert login(people.detachment).post(reverse("org:person-create"), data).status_code == 302
    person = Person.objects.get(name="李四")
    assert person.id_number == ID_NUMBER and ID_NUMBER not in person.id_number_encrypted


def test_edit_form_never_shows_personal_data_and_blank_keeps_it(login, people, resident):
    client = login(people.detachment)
    url = reverse("org:person-update", kwargs={"pk": resident.pk})
    html = client.get(url).content.decode()
    assert "13855551234" not in html and ID_NUMBER not in html
    data = {
        "name": "王小明",
        "organization": resident.organization_id,
        "title": "主任",
        "is_active": "on",
        "version": 1,
    }
    assert client.post(url, data).status_code == 302
    resident.refresh_from_db()
    assert resident.title == "主任" and resident.phone == "13855551234" and resident.id_number == ID_NUMBER


def test_reveal_requires_a_reason(login, people, resident):
    client = login(people.detachment)
    response = client.post(reverse("org:person-reveal", kwargs={"pk": resident.pk}), {"reason": " "})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    assert "13855551234" not in response.content.decode()
    assert not AuditEvent.objects.filter(action=AuditAction.REVEAL).exists()


def test_reveal_with_a_reason_shows_full_values_once_and_is_audited(login, people, resident):
    client = login(people.detachment)
    url = reverse("org:person-reveal", kwargs={"pk": resident.pk})
    response = client.post(url, {"reason": "通知参加消防培训"})
    html = response.content.decode()
    assert "13855551234" in html and ID_NUMBER in html
    assert response["Cache-Control"] == "no-store"
    event = AuditEvent.objects.get(action=AuditAction.REVEAL)
    assert event.object_id == str(resident.pk) and event.reason == "通知参加消防培训"
    assert event.actor == people.detachment
    # Coming back to the page shows the form again, not the values.
    assert "13855551234" not in client.get(url).content.decode()


def test_reveal_is_forbidden_without_the_permission(login, people, resident):
    response = login(people.qiaocheng).post(
        reverse("org:person-reveal", kwargs={"pk": resident.pk}), {"reason": "好奇看看号码"}
    )
    assert response.status_code == 403
    assert not AuditEvent.objects.filter(action=AuditAction.REVEAL).exists()
