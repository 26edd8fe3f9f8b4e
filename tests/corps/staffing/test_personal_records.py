"""The chain-of-command rule for full personal records, per persona: the political office (政治处) and the
person's own chain — the station's chief, the brigade, the detachment — may reveal the unmasked record
(with a reason, audited); HQ staff outside the chain see it masked and are refused; a sibling station or
another brigade does not see the person at all; governments see no roster."""

from __future__ import annotations

import pytest
from django.urls import reverse

from flameblue.core.errors import OutOfScope, PermissionDeniedError
from flameblue.core.models import AuditEvent
from flameblue.corps.models import RosterEntry
from flameblue.corps.staffing.services import roster_reveal
from tests.factories import make_id_number

pytestmark = pytest.mark.django_db

REASON = "核对人员信息办理保险"


@pytest.fixture
def zhang(corps):
    entry = corps.members["张伟"]
    entry.person.id_number = make_id_number(3)
    entry.person.save()
    return entry


@pytest.mark.parametrize("who", ["political", "station_chief", "brigade", "detachment"])
def test_the_political_office_and_the_chain_of_command_reveal_with_an_audit(who, zhang, corps, chain, people):
    user = {"political": chain.political, "station_chief": corps.commander, "brigade": people.qiaocheng,
            "detachment": people.detachment}[who]  # fmt: skip
    values = roster_reveal(zhang, by=user, reason=REASON)
    assert values == {"phone": "13855671234", "id_number": zhang.person.id_number}
    event = AuditEvent.objects.get(action="reveal", object_type="org.person", object_id=str(zhang.person_id))
    assert event.actor == user and event.reason == REASON


def test_hq_staff_outside_the_chain_see_the_record_masked_and_are_refused(zhang, chain, login):
    page = login(chain.hq_staff).get(reverse("corps:roster-detail", args=[zhang.pk])).content.decode()
    assert "138****1234" in page and "13855671234" not in page
    assert reverse("corps:roster-reveal", args=[zhang.pk]) not in page
    with pytest.raises(PermissionDeniedError, match="政治处"):
        roster_reveal(zhang, by=chain.hq_staff, reason=REASON)
    assert not AuditEvent.objects.filter(action="reveal").exists()
    assert AuditEvent.objects.filter(action="denied", actor=chain.hq_staff).exists()
    response = login(chain.hq_staff).post(reverse("corps:roster-reveal", args=[zhang.pk]), {"reason": REASON})
    assert response.status_code == 403 and "13855671234" not in response.content.decode()


@pytest.mark.parametrize("who", ["sibling_station", "other_brigade"])
def test_a_sibling_station_or_another_brigade_does_not_see_the_person(who, zhang, chain, people, login):
    user = chain.xincheng_commander if who == "sibling_station" else people.mengcheng
    assert not RosterEntry.objects.visible_to(user).filter(pk=zhang.pk).exists()
    assert login(user).get(reverse("corps:roster-detail", args=[zhang.pk])).status_code == 404
    with pytest.raises(OutOfScope):
        roster_reveal(zhang, by=user, reason=REASON)


def test_a_station_sees_only_its_own_roster_and_the_brigade_its_stations(corps, chain, people):
    assert set(RosterEntry.objects.visible_to(corps.commander).values_list("person__name", flat=True)) == {
        "张伟", "李强"}  # fmt: skip
    assert set(RosterEntry.objects.visible_to(people.qiaocheng).values_list("person__name", flat=True)) == {
        "张伟", "李强", "王磊"}  # fmt: skip
    assert RosterEntry.objects.visible_to(people.detachment).count() == 4
    assert not RosterEntry.objects.visible_to(people.city_leader).exists()
    assert not RosterEntry.objects.visible_to(people.unit_manager).exists()


def test_a_government_leader_gets_no_roster_page(zhang, people, login):
    assert login(people.city_leader).get(reverse("corps:roster-detail", args=[zhang.pk])).status_code == 403


def test_the_station_chief_reveals_on_the_page_once(zhang, corps, login):
    client = login(corps.commander)
    page = client.get(reverse("corps:roster-detail", args=[zhang.pk])).content.decode()
    assert "138****1234" in page and reverse("corps:roster-reveal", args=[zhang.pk]) in page
    refused = client.post(reverse("corps:roster-reveal", args=[zhang.pk]), {"reason": "看"})
    assert refused.status_code == 400 and "至少 4 个字" in refused.content.decode()
    response = client.post(reverse("corps:roster-reveal", args=[zhang.pk]), {"reason": REASON})
    assert response.status_code == 200 and "13855671234" in response.content.decode()
    assert response["Cache-Control"] == "no-store"


def test_the_api_reveals_along_the_chain_only(zhang, corps, chain, login):
    url = reverse("api:corps-roster-reveal", args=[zhang.pk])
    ok = login(corps.commander).post(url, {"reason": REASON}, content_type="application/json")
    assert ok.status_code == 200 and ok.json()["phone"] == "13855671234"
    refused = login(chain.hq_staff).post(url, {"reason": REASON}, content_type="application/json")
    assert refused.status_code == 403
    listed = login(chain.hq_staff).get(reverse("api:corps-roster-detail", args=[zhang.pk])).json()
    assert listed["phone"] == "138****1234"


def test_the_people_pages_reveal_follows_the_same_rule(zhang, corps, chain, login):
    url = reverse("org:person-reveal", args=[zhang.person_id])
    refused = login(chain.hq_staff).post(url, {"reason": REASON})
    assert refused.status_code == 403 and "13855671234" not in refused.content.decode()
    ok = login(chain.political).post(url, {"reason": REASON})
    assert ok.status_code == 200 and "13855671234" in ok.content.decode()
