import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_chinese_is_the_default(login, people):
    html = login(people.qiaocheng).get(reverse("org:organization-list")).content.decode()
    assert 'lang="zh-hans"' in html and "组织机构" in html


def test_switching_to_english_renders_english_labels(login, people):
    client = login(people.qiaocheng)
    response = client.post(
        reverse("set_language"), {"language": "en", "next": reverse("org:organization-list")}
    )
    assert response.status_code == 302
    html = client.get(reverse("org:organization-list")).content.decode()
    assert 'lang="en"' in html
    assert "Organizations" in html and "Keyword" in html and "Parent organization" in html
    assert "关键字" not in html and "上级组织" not in html


def test_english_dashboard_and_login_page(client, people):
    client.post(reverse("set_language"), {"language": "en"})
    assert (
        "Your session has expired. Please log in again"
        in client.get(reverse("login"), {"expired": "1"}).content.decode()
    )
    client.force_login(people.qiaocheng)
    html = client.get(reverse("core:dashboard")).content.decode()
    assert "My jurisdiction" in html and "Quick links" in html


def test_english_validation_message_names_the_reason(client, people, orgs):
    client.post(reverse("set_language"), {"language": "en"})
    client.force_login(people.detachment)
    data = {
        "name": "Li Si",
        "organization": orgs.qiaocheng_gov.pk,
        "id_number": "34160219850101",
        "is_active": "on",
    }
    response = client.post(reverse("org:person-create"), data)
    assert "The ID number must be 18 characters long." in response.content.decode()
