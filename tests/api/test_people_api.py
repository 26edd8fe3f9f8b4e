import pytest

from flameblue.core.models import AuditEvent
from flameblue.org.models import Person
from tests.factories import PersonFactory, make_id_number

pytestmark = pytest.mark.django_db

URL = "/api/v1/people/"


@pytest.fixture
def officer(orgs):
    return PersonFactory(
        name="李四",
        organization=orgs.mengcheng_brigade,
        phone="13812345678",
        id_number=make_id_number(7, "341622"),
    )


def test_phone_and_id_number_are_masked_in_lists_and_details(api, people, officer):
    client = api(people.mengcheng)
    full_id = officer.id_number
    listed = client.get(URL).content.decode()
    assert full_id not in listed and "13812345678" not in listed
    row = client.get(f"{URL}{officer.pk}/").json()
    assert row["phone_masked"] == "138****5678"
    assert row["id_number_masked"] == full_id[:6] + "********" + full_id[-4:]
    assert "phone" not in row and "id_number" not in row


def test_qiaocheng_list_holds_no_mengcheng_people(api, people, officer):
    rows = api(people.qiaocheng).get(URL).json()["results"]
    assert rows and all(not r["organization_name"].startswith("蒙城") for r in rows)
    assert api(people.qiaocheng).get(f"{URL}{officer.pk}/").status_code == 404


def test_create_with_id_number_stores_it_encrypted(api, people, orgs):
    id_number = make_id_number(42)
    response = api(people.detachment).post(
        URL,
        {
            "name": "王五",
            "organization": orgs.qiaocheng_gov.pk,
            "phone": "13900001234",
            "id_number": id_number,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    person = Person.objects.get(pk=response.json()["id"])
    assert person.id_number == id_number
    assert id_number not in person.id_number_encrypted
    assert response.json()["id_number_masked"].endswith(id_number[-4:])


@pytest.mark.parametrize(
    ("id_number", "reason"),
    [
        ("3416022001010104", "长度应为 18 位"),
        ("341602200101010420", "校验位错误"),
        ("341602200113010012", "出生日期"),
    ],
)
def test_bad_id_number_is_refused_naming_the_field_and_reason(api, people, orgs, id_number, reason):
    response = api(people.detachment).post(
        URL, {"name": "赵六", "organization": orgs.qiaocheng_gov.pk, "id_number": id_number}, format="json"
    )
    assert response.status_code == 400
    assert reason in response.json()["id_number"][0]
    assert not Person.objects.filter(name="赵六").exists()


def test_bad_phone_is_refused_naming_the_field(api, people, orgs):
    response = api(people.detachment).post(
        URL, {"name": "赵六", "organization": orgs.qiaocheng_gov.pk, "phone": "12345"}, format="json"
    )
    assert response.status_code == 400
    assert "手机号应为 1 开头的 11 位数字" in response.json()["phone"][0]


def test_duplicate_id_number_is_refused(api, people, orgs, officer):
    response = api(people.detachment).post(
        URL,
        {"name": "重复", "organization": orgs.qiaocheng_gov.pk, "id_number": officer.id_number},
        format="json",
    )
    assert response.status_code == 400
    assert "已登记在其他人员名下" in response.json()["id_number"][0]


def test_create_in_an_organization_outside_the_jurisdiction_is_refused(api, people, orgs):
    from tests.factories import persona

    admin = persona("qc_admin", orgs.qiaocheng_brigade, "detachment_admin")
    response = api(admin).post(URL, {"name": "越权", "organization": orgs.mengcheng_gov.pk}, format="json")
    assert response.status_code == 400 and "organization" in response.json()
    assert not Person.objects.filter(name="越权").exists()


def test_stale_update_is_refused_and_keeps_the_saved_values(api, people, officer):
    client = api(people.detachment)
    url = f"{URL}{officer.pk}/"
    assert client.patch(url, {"title": "大队长", "version": 1}, format="json").status_code == 200
    stale = client.put(
        url,
        {"name": "李四", "organization": officer.organization_id, "title": "教导员", "version": 1},
        format="json",
    )
    assert stale.status_code == 409
    officer.refresh_from_db()
    assert officer.title == "大队长" and officer.version == 2


def test_reveal_returns_full_values_and_is_audited_with_the_reason(api, people, officer):
    response = api(people.detachment).post(
        f"{URL}{officer.pk}/reveal/", {"reason": "核实值班人员身份"}, format="json"
    )
    assert response.status_code == 200
    assert response.json() == {"phone": "13812345678", "id_number": officer.id_number}
    event = AuditEvent.objects.get(action="reveal", object_id=str(officer.pk))
    assert event.actor == people.detachment and event.reason == "核实值班人员身份"


@pytest.mark.parametrize("payload", [{}, {"reason": "看"}])
def test_reveal_needs_a_reason(api, people, officer, payload):
    response = api(people.detachment).post(f"{URL}{officer.pk}/reveal/", payload, format="json")
    assert response.status_code == 400
    assert "reason" in response.json()
    assert not AuditEvent.objects.filter(action="reveal").exists()


def test_reveal_without_the_permission_is_403(api, people, officer):
    response = api(people.mengcheng).post(
        f"{URL}{officer.pk}/reveal/", {"reason": "核实值班人员身份"}, format="json"
    )
    assert response.status_code == 403
    assert not AuditEvent.objects.filter(action="reveal").exists()
