import pytest
from django.urls import reverse

from flameblue.org.forms import MembershipForm
from flameblue.org.models import Membership

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def _lookup(client, name, q=""):
    return client.get(reverse("core:lookup", args=[name]), {"q": q})


def test_lookup_searches_only_within_the_users_jurisdiction(client, people, orgs):
    client.force_login(people.qiaocheng)
    names = [row["text"] for row in _lookup(client, "organization", "医院").json()["results"]]
    assert not any("蒙城县人民医院" in n for n in names)
    client.force_login(people.mengcheng)
    names = [row["text"] for row in _lookup(client, "organization", "医院").json()["results"]]
    assert any("蒙城县人民医院" in n for n in names)


def test_lookup_needs_the_view_action_and_a_known_name(client, people):
    client.force_login(people.auditor)
    assert _lookup(client, "organization").status_code == 403
    client.force_login(people.qiaocheng)
    assert _lookup(client, "secrets").status_code == 404


def test_people_without_account_lookup_leaves_out_account_holders(client, people, orgs):
    from tests.factories import PersonFactory

    PersonFactory(organization=orgs.qiaocheng_brigade, name="尚无账号者")
    client.force_login(people.detachment)
    texts = [row["text"] for row in _lookup(client, "person-no-account", "").json()["results"]]
    assert any("尚无账号者" in t for t in texts)
    assert not any(t.startswith("qiaocheng") for t in texts)


def test_remote_pickers_render_only_the_selected_option(people, orgs):
    membership = Membership.objects.get(person=people.qiaocheng.person)
    form = MembershipForm(instance=membership, user=people.detachment)
    html = str(form["organization"])
    assert 'data-lookup-url="/lookup/organization/"' in html
    assert html.count("<option") == 2  # the empty choice and the selected organization
    assert "谯城区消防救援大队" in html


def test_a_value_outside_scope_is_refused_by_the_form(people, orgs):
    form = MembershipForm(
        data={"person": people.qiaocheng.person.pk, "organization": orgs.mengcheng_gov.pk, "role": 1},
        user=people.qiaocheng,
    )
    assert not form.is_valid() and "organization" in form.errors
