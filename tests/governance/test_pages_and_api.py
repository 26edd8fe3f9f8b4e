"""The pages and the API over the same services: a county leader reads the county's letter standing and
answers an action item in the browser flow; refusals come back on the form with the Chinese message and
save nothing; the API answers 400/409 the same way; exports are filtered, scoped and audited."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from flameblue.core.models import AuditEvent
from flameblue.governance import letters, services
from flameblue.governance.models import ActionItem, Decision, Meeting, ResponsibilityLetter
from tests.governance.conftest import scan

pytestmark = pytest.mark.django_db


def test_county_leader_sees_the_letter_standing_and_answers_an_action_item(login, gov, orgs, frozen):
    letter = letters.letter_prepare(by=None, issuer=orgs.city_gov, signatory=orgs.qiaocheng_gov, year=2026)
    from tests.governance.conftest import make_meeting

    city_meeting = make_meeting(gov.city_committee, kind="plenary", title="市消安委全体会议")
    decision = services.decision_add(by=None, meeting=city_meeting, text="县区开展春季防火检查",
                                     owners=[orgs.qiaocheng_gov], due_on=dt.date(2026, 4, 30))  # fmt: skip
    item = decision.action_items.get()
    client = login(gov.qiaocheng_leader)

    page = client.get(reverse("governance:letter-list"), {"year": 2026}).content.decode()
    assert "已签订 0 / 1" in page and "谯城区人民政府" in page
    assert client.get(reverse("governance:letter-detail", args=[letter.pk])).status_code == 200
    # The city committee's meeting page stays in the city's scope; the county reads the meeting and the
    # decision on its action item.
    assert client.get(reverse("governance:meeting-detail", args=[city_meeting.pk])).status_code == 404

    detail = client.get(reverse("governance:actionitem-detail", args=[item.pk])).content.decode()
    assert "县区开展春季防火检查" in detail and "市消安委全体会议" in detail and "全体会议" in detail
    assert "反馈落实情况" in detail and "办结" not in detail.split("流转记录")[1]
    response = client.post(reverse("governance:actionitem-answer", args=[item.pk]),
                           {"version": item.version, "answer": "已组织春季防火检查 3 轮"})  # fmt: skip
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "answered" and item.answered_by == gov.qiaocheng_leader


def test_stale_answer_on_the_page_says_who_changed_it(login, gov, people, edu_item):
    services.action_item_answer(item=edu_item, by=gov.office, answer="区政府代为反馈")
    response = login(people.edu).post(
        reverse("governance:actionitem-answer", args=[edu_item.pk]), {"version": 1, "answer": "x"}
    )
    assert response.status_code in (400, 409)
    assert "qiaocheng_office" in response.content.decode() or "已反馈" in response.content.decode()


def test_recording_a_meeting_on_the_page_then_adding_a_decision(login, gov, orgs, frozen):
    client = login(gov.office)
    response = client.post(reverse("governance:meeting-create"), {
        "committee": gov.qiaocheng_committee.pk, "kind": "consultation", "title": "消防安全会商会",
        "held_on": "2026-03-18", "chair": "李副区长", "topics": "会商老旧小区消防车通道", "minutes_file": scan(),
    })  # fmt: skip
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/meetings/{meeting.pk}/")
    response = client.post(reverse("governance:decision-add", args=[meeting.pk]), {
        "text": "住建局牵头清理消防车通道", "owners": [orgs.qiaocheng_edu.pk], "due_on": "2026-05-31",
    })  # fmt: skip
    assert response.status_code == 302
    assert ActionItem.objects.get().feedback_due_on == dt.date(2026, 4, 2)


def test_a_deadline_before_the_meeting_is_shown_on_the_decision_form(login, gov, orgs, meeting):
    response = login(gov.office).post(reverse("governance:decision-add", args=[meeting.pk]), {
        "text": "x", "owners": [orgs.qiaocheng_edu.pk], "due_on": "2026-03-01",
    })  # fmt: skip
    assert response.status_code == 400
    assert "完成期限不能早于会议日期" in response.content.decode()
    assert not Decision.objects.exists()


def test_committee_choices_on_the_meeting_form_are_the_users_own(login, gov, frozen):
    page = login(gov.mengcheng_leader).get(reverse("governance:meeting-create")).content.decode()
    assert "蒙城县消防安全委员会" in page and "谯城区消防安全委员会" not in page


def test_batch_page_prepares_the_years_letters(login, orgs, gov, people, frozen):
    client = login(people.city_leader)
    response = client.post(reverse("governance:letter-batch"), {"issuer": orgs.city_gov.pk, "year": 2026})
    assert response.status_code == 302
    assert ResponsibilityLetter.objects.filter(year=2026).count() == 2  # the two county governments


def test_signing_on_the_page_with_the_scan(login, orgs, people, frozen):
    letter = letters.letter_prepare(by=None, issuer=orgs.city_gov, signatory=orgs.qiaocheng_gov, year=2026)
    response = login(people.city_leader).post(reverse("governance:letter-sign", args=[letter.pk]), {
        "version": letter.version, "signed_on": "2026-03-02", "issuer_signer": "吴建华", "signatory_signer": "张区长",
        "scan": scan(),
    })  # fmt: skip
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.status == "signed"


def test_letter_export_is_filtered_scoped_and_audited(login, orgs, gov, frozen):
    letters.letter_prepare(by=None, issuer=orgs.city_gov, signatory=orgs.qiaocheng_gov, year=2026)
    letters.letter_prepare(by=None, issuer=orgs.city_gov, signatory=orgs.mengcheng_gov, year=2026)
    response = login(gov.qiaocheng_leader).get(reverse("governance:letter-export"), {"year": 2026})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][3] == "谯城区人民政府"
    assert AuditEvent.objects.filter(action="export", object_type="governance.responsibilityletter").exists()


def test_action_item_export_lists_overdue_items(login, people, edu_item, frozen):
    frozen.move_to(dt.datetime(2026, 3, 30, 10, 0, tzinfo=dt.UTC))
    response = login(people.edu).get(reverse("governance:actionitem-export"), {"overdue": "yes"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert [r[5] for r in rows[1:]] == ["谯城区教育局"]


def test_api_refuses_an_owner_outside_the_region_with_the_message(client, gov, orgs, meeting):
    client.force_login(gov.office)
    response = client.post(
        reverse("api:governance-meeting-decisions", args=[meeting.pk]),
        {"text": "x", "owners": [orgs.mengcheng_edu.pk], "due_on": "2026-04-30"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "不在谯城区消防安全委员会的辖区内" in response.json()["owners"][0]
    assert not Decision.objects.exists()


def test_api_stale_answer_is_a_conflict(client, gov, people, edu_item):
    services.action_item_answer(item=edu_item, by=gov.office, answer="代为反馈")
    client.force_login(people.edu)
    response = client.post(reverse("api:governance-actionitem-answer", args=[edu_item.pk]),
                           {"version": 1, "answer": "x"}, content_type="application/json")  # fmt: skip
    assert response.status_code == 409


def test_api_signs_a_letter_with_a_multipart_scan(client, orgs, people, frozen):
    letter = letters.letter_prepare(by=None, issuer=orgs.city_gov, signatory=orgs.qiaocheng_gov, year=2026)
    client.force_login(people.city_leader)
    response = client.post(reverse("api:governance-letter-sign", args=[letter.pk]), {
        "version": 1, "signed_on": "2026-03-02", "issuer_signer": "甲", "signatory_signer": "乙", "scan": scan(),
    })  # fmt: skip
    assert response.status_code == 200 and response.json()["status"] == "signed"
    progress = client.get(reverse("api:governance-letter-progress"), {"year": 2026}).json()
    assert progress[0]["signed"] == 1 and progress[0]["total"] == 1


def test_api_records_a_meeting(client, gov, frozen):
    client.force_login(gov.office)
    response = client.post(reverse("api:governance-meeting-list"), {
        "committee": gov.qiaocheng_committee.pk, "kind": "supervision", "title": "督导检查", "held_on": "2026-03-19",
        "chair": "王副区长", "topics": "督导乡镇消防工作",
    }, content_type="application/json")  # fmt: skip
    assert response.status_code == 201 and response.json()["region"] == "341602"


def test_government_home_shows_the_responsibility_panel(login, gov, orgs, frozen):
    letters.letter_prepare(by=None, issuer=orgs.city_gov, signatory=orgs.qiaocheng_gov, year=2026)
    page = login(gov.qiaocheng_leader).get(reverse("core:dashboard")).content.decode()
    assert "2026 年度消防工作责任制" in page and "已签订 0 / 1" in page


def test_action_item_list_queries_do_not_grow_with_rows(
    login, people, meeting, gov, orgs, django_assert_max_num_queries
):
    for n in range(6):
        services.decision_add(by=None, meeting=meeting, text=f"事项{n}", owners=[orgs.qiaocheng_edu],
                              due_on=dt.date(2026, 4, 30))  # fmt: skip
    client = login(people.edu)
    client.get(reverse("governance:actionitem-list"))
    with django_assert_max_num_queries(20):
        assert client.get(reverse("governance:actionitem-list")).status_code == 200
