"""Listed-supervision pages a user would open: the determination form and its live suggestion, the case
detail steps, the listing document, a government's page and the public list."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from django.urls import reverse

from flameblue.core.models import AuditEvent
from flameblue.hazards.supervision import portal_views as portal_supervision_views
from flameblue.hazards.supervision import services as sup
from tests.factories import persona
from tests.hazards.lifecycle_helpers import confirm, report
from tests.hazards.supervision.helpers import close_by_recheck, filed_case, listed_case, requested_case

pytestmark = pytest.mark.date_sensitive

TODAY = dt.date.today()


@pytest.fixture
def qc_leader(orgs):
    return persona("qc_leader", orgs.qiaocheng_gov, "government_leader")


def test_the_suggestion_updates_from_the_ticked_elements(login, people):
    client = login(people.qiaocheng)
    url = reverse("hazards:determination-suggest")
    page = client.get(url, {"standard": "GB35181-2017", "categories": "crowded", "elements": ["6.6"]})
    assert "建议：构成重大火灾隐患" in page.content.decode() and "6.6" in page.content.decode()
    page = client.get(url, {"standard": "GB35181-2017", "elements": ["7.3.1"], "found_on": "2025-11-05"})
    text = page.content.decode()
    assert "不构成" in text and "2025-10-31" in text
    page = client.get(url, {"standard": "GB35181-2017", "elements": ["99.1"]})
    assert "未知的判定要素条款" in page.content.decode()


def test_creating_a_determination_from_a_hazard_shows_the_warning(login, people, units):
    hazard = confirm(report(units.mall, people.qiaocheng), people.qiaocheng)
    client = login(people.qiaocheng)
    url = reverse("hazards:determination-create", kwargs={"hazard_pk": hazard.pk})
    page = client.get(url)
    # found today: the form opens on GB 35181-2025 (chapter 5 direct, 6.3 evacuation)
    assert "6.3 " in page.content.decode() and "直接判定要素（第5章）" in page.content.decode()
    response = client.post(
        url, {"standard": "GB35181-2017", "categories": ["crowded"], "elements": ["6.6"], "found_on": "2025-11-05"},
        follow=True,
    )  # fmt: skip
    text = response.content.decode()
    assert "GB35181-2017@" in text and "2025-10-31" in text


def test_panel_form_refuses_an_interested_member_and_keeps_the_input(login, people, units):
    from flameblue.hazards.supervision import determination_services as dets

    hazard = confirm(report(units.mall, people.qiaocheng), people.qiaocheng)
    det = dets.determination_create(
        hazard=hazard, by=people.qiaocheng, standard="GB35181-2017", elements=["6.6"]
    )
    members = "\n".join(f"专家{i}，单位{i}，{'是' if i == 2 else '否'}" for i in range(1, 8))
    response = login(people.qiaocheng).post(
        reverse("hazards:determination-panel", kwargs={"pk": det.pk}),
        {"members": members, "votes_for": 7, "votes_against": 0},
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "利害关系" in text and "专家7，单位7" in text


def test_the_leader_sees_the_decide_form_and_a_late_decision_is_shown(login, people, orgs, units, qc_leader):
    case = requested_case(
        units.mall, people.qiaocheng, orgs.qiaocheng_gov, today=TODAY - dt.timedelta(days=30)
    )
    client = login(qc_leader)
    page = client.get(reverse("hazards:supervision-detail", kwargs={"pk": case.pk}))
    assert "作出挂牌决定" in page.content.decode() and "决定已逾期" in page.content.decode()
    response = client.post(
        reverse("hazards:supervision-decide", kwargs={"pk": case.pk}),
        {"listed": "yes", "document_number": "谯政督〔2026〕3号", "deadline": (TODAY + dt.timedelta(days=60)).isoformat()},
        follow=True,
    )  # fmt: skip
    text = response.content.decode()
    assert "逾期作出决定" in text
    case.refresh_from_db()
    assert case.status == "listed" and case.decided_late


def test_the_inspector_does_not_get_the_decide_form(login, people, orgs, units):
    case = requested_case(units.mall, people.qiaocheng, orgs.qiaocheng_gov, today=TODAY)
    page = login(people.qiaocheng).get(reverse("hazards:supervision-detail", kwargs={"pk": case.pk}))
    assert "作出挂牌决定" not in page.content.decode()


def test_delist_is_refused_with_a_clear_message_before_recheck(login, people, orgs, units):
    case = listed_case(units.mall, people.qiaocheng, orgs.city_gov, people.city_leader, today=TODAY)
    response = login(people.qiaocheng).post(
        reverse("hazards:supervision-delist", kwargs={"pk": case.pk}), {"confirm": "on"}
    )
    assert response.status_code == 400 and "尚未经复查合格" in response.content.decode()


def test_listing_document_downloads_as_word_and_is_audited(login, people, orgs, units):
    case = listed_case(units.mall, people.qiaocheng, orgs.city_gov, people.city_leader, today=TODAY)
    response = login(people.city_leader).get(reverse("hazards:supervision-docx", kwargs={"pk": case.pk}))
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    xml = zipfile.ZipFile(io.BytesIO(body)).read("word/document.xml").decode()
    assert case.listing_document_number in xml and units.mall.name in xml and "亳州市人民政府" in xml
    assert AuditEvent.objects.filter(
        action="export", object_type="hazards.supervisioncase", object_id=str(case.pk)
    ).exists()


def test_government_page_shows_its_cases_and_not_another_countys(login, people, orgs, units, qc_leader):
    mine = requested_case(units.mall, people.qiaocheng, orgs.qiaocheng_gov, today=TODAY)
    theirs = requested_case(units.hospital, people.mengcheng, orgs.mengcheng_gov, today=TODAY)
    text = login(qc_leader).get(reverse("hazards:government-supervision")).content.decode()
    assert mine.case_number in text and theirs.case_number not in text
    text = login(people.city_leader).get(reverse("hazards:government-supervision")).content.decode()
    assert mine.case_number in text and theirs.case_number in text  # the city sees its counties' cases


def test_government_page_counts_working_days_left(login, people, orgs, units, qc_leader):
    requested_case(units.mall, people.qiaocheng, orgs.qiaocheng_gov, today=TODAY)
    page = login(qc_leader).get(reverse("hazards:government-supervision"))
    awaiting = page.context["awaiting"]
    assert len(awaiting) == 1 and 0 < awaiting[0].days_left <= 7 and not awaiting[0].is_late


def test_public_list_shows_public_cases_only_and_no_personal_data(client, people, orgs, units):
    public = listed_case(units.mall, people.qiaocheng, orgs.city_gov, people.city_leader, today=TODAY)
    sup.case_set_public(case=public, public=True, by=people.qiaocheng)
    hidden = listed_case(units.school, people.qiaocheng, orgs.city_gov, people.city_leader, today=TODAY)
    filed = filed_case(units.mall, people.qiaocheng)
    sup.case_set_public(case=filed, public=True, by=people.qiaocheng)  # public but not listed: not shown
    text = client.get(reverse("portal-supervision:supervision-list")).content.decode()
    assert units.mall.name in text and "亳州市人民政府" in text
    assert hidden.hazard.unit.name not in text
    assert text.count("<tr>") == 2  # header + the one public listed case
    for personal in (people.qiaocheng.username, people.city_leader.username, people.qiaocheng.person.phone,
                     people.city_leader.person.name, people.qiaocheng.person.name):  # fmt: skip
        assert personal not in text


def test_public_list_is_off_when_the_switch_is_off(client, monkeypatch):
    monkeypatch.setattr(portal_supervision_views, "public_list_enabled", lambda: False)
    assert client.get(reverse("portal-supervision:supervision-list")).status_code == 404


def test_delisted_case_stays_on_the_public_list_as_delisted(client, people, orgs, units):
    case = listed_case(units.mall, people.qiaocheng, orgs.city_gov, people.city_leader, today=TODAY)
    sup.case_set_public(case=case, public=True, by=people.qiaocheng)
    close_by_recheck(case.hazard, people.qiaocheng)
    sup.case_delist(case=case, by=people.qiaocheng)
    text = client.get(reverse("portal-supervision:supervision-list")).content.decode()
    assert "已摘牌销案" in text


def test_hazard_page_links_to_its_determination_and_case(login, people, orgs, units):
    case = filed_case(units.mall, people.qiaocheng)
    text = (
        login(people.qiaocheng)
        .get(reverse("hazards:hazard-detail", kwargs={"pk": case.hazard_id}))
        .content.decode()
    )
    assert case.case_number in text and "判定记录" in text
    plain = confirm(report(units.mall, people.qiaocheng), people.qiaocheng)
    text = (
        login(people.qiaocheng)
        .get(reverse("hazards:hazard-detail", kwargs={"pk": plain.pk}))
        .content.decode()
    )
    assert reverse("hazards:determination-create", kwargs={"hazard_pk": plain.pk}) in text
