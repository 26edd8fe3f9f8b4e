"""Government records (政府研究部署): a county leader records an executive meeting that studied fire safety,
a policy document (its number required) or an inspection visit with what was found; what it decides becomes
action items for units in the county, which answer them as they answer committee items; the government
closes them, and the sweep escalates an unanswered one to the government and the one above it. Everyone in
the county reads the records; another county does not."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from flameblue.core.errors import DomainError, OutOfScope
from flameblue.core.notify_models import Notification
from flameblue.governance import services
from flameblue.governance.models import ActionItem, GovernmentRecord
from flameblue.governance.sweep import sweep_action_items
from tests.factories import persona

pytestmark = [pytest.mark.date_sensitive, pytest.mark.django_db]


def visit(by, government, **extra):
    data = {
        "kind": "visit", "title": "区长检查春节期间消防安全工作", "held_on": dt.date(2026, 3, 10),
        "leaders": "王区长", "summary": "检查商场、医院和学校", "findings": "某商场安全出口锁闭",
    }  # fmt: skip
    data.update(extra)
    return services.record_create(by=by, government=government, **data)


def test_a_visits_findings_become_action_items_the_owner_answers_and_the_government_closes(
    frozen, orgs, gov, people
):
    record = visit(gov.qiaocheng_leader, orgs.qiaocheng_gov)
    decision = services.decision_add(
        by=gov.qiaocheng_leader, record=record, text="商务部门督促商场整改安全出口", owners=[orgs.qiaocheng_edu],
        due_on=dt.date(2026, 4, 10),
    )  # fmt: skip
    item = decision.action_items.get()
    assert item.feedback_due_on == dt.date(2026, 3, 25)  # 15 days after the visit
    assert decision.source == record and decision.region_id == "341602"
    answered = services.action_item_answer(item=item, by=people.edu, answer="已督促整改，出口已开启")
    with pytest.raises(Exception, match="只有作出该决定"):
        services.action_item_close(item=answered, by=people.edu)
    assert services.action_item_close(item=answered, by=gov.qiaocheng_leader).status == "closed"


def test_bad_records_are_refused_with_the_reason(frozen, orgs, gov):
    with pytest.raises(DomainError, match="政策文件须填写文号"):
        visit(gov.qiaocheng_leader, orgs.qiaocheng_gov, kind="policy", title="关于加强乡镇消防工作的实施意见")
    with pytest.raises(DomainError, match="不能晚于今天"):
        visit(gov.qiaocheng_leader, orgs.qiaocheng_gov, held_on=dt.date(2026, 3, 21))
    with pytest.raises(DomainError, match="不是人民政府"):
        visit(gov.qiaocheng_leader, orgs.qiaocheng_edu)
    with pytest.raises(OutOfScope):
        visit(gov.qiaocheng_leader, orgs.mengcheng_gov)
    record = visit(gov.qiaocheng_leader, orgs.qiaocheng_gov)
    with pytest.raises(DomainError, match="不在谯城区人民政府的辖区内"):
        services.decision_add(by=gov.qiaocheng_leader, record=record, text="整改", owners=[orgs.mengcheng_edu],
                              due_on=dt.date(2026, 4, 10))  # fmt: skip
    assert GovernmentRecord.objects.count() == 1


def test_an_unanswered_item_from_a_record_escalates_to_the_government_and_above(frozen, orgs, gov, people):
    city = persona("city_leader_2", orgs.city_gov, "government_leader")
    record = visit(None, orgs.qiaocheng_gov)
    services.decision_add(by=None, record=record, text="整改", owners=[orgs.qiaocheng_edu],
                          due_on=dt.date(2026, 4, 10))  # fmt: skip
    sweep_action_items(today=dt.date(2026, 3, 26))
    told = set(
        Notification.objects.filter(subject__contains="督办事项逾期").values_list("recipient", flat=True)
    )
    assert {people.edu.pk, gov.qiaocheng_leader.pk} <= told and city.pk not in told
    sweep_action_items(today=dt.date(2026, 4, 6))  # level 3
    assert Notification.objects.filter(recipient=city, subject__contains="第3级").exists()


def test_pages_record_add_decisions_and_stay_in_the_county(frozen, login, orgs, gov, people):
    leader = login(gov.qiaocheng_leader)
    response = leader.post(reverse("governance:record-create"), {
        "government": orgs.qiaocheng_gov.pk, "kind": "executive", "title": "区政府第5次常务会议",
        "held_on": "2026-03-12", "document_no": "谯政纪〔2026〕5号", "leaders": "区长",
        "summary": "研究部署春季火灾防控工作",
    })  # fmt: skip
    record = GovernmentRecord.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "governance:record-detail", args=[record.pk]
    )
    refused = leader.post(reverse("governance:record-decision-add", args=[record.pk]), {
        "text": "教育部门开展校园消防检查", "owners": [orgs.qiaocheng_edu.pk], "due_on": "2026-03-01",
    })  # fmt: skip
    assert refused.status_code == 400 and "完成期限不能早于会议日期" in refused.content.decode()
    leader.post(reverse("governance:record-decision-add", args=[record.pk]), {
        "text": "教育部门开展校园消防检查", "owners": [orgs.qiaocheng_edu.pk], "due_on": "2026-04-30",
    })  # fmt: skip
    item = ActionItem.objects.get()
    page = login(people.edu).get(reverse("governance:actionitem-detail", args=[item.pk])).content.decode()
    assert "区政府第5次常务会议" in page and reverse("governance:record-detail", args=[record.pk]) in page
    listing = login(people.qiaocheng).get(reverse("governance:record-list")).content.decode()
    assert "区政府第5次常务会议" in listing
    other = login(gov.mengcheng_leader)
    assert "区政府第5次常务会议" not in other.get(reverse("governance:record-list")).content.decode()
    assert other.get(reverse("governance:record-detail", args=[record.pk])).status_code == 404


def test_api_records_and_their_decisions(frozen, login, orgs, gov):
    client = login(gov.qiaocheng_leader)
    created = client.post("/api/v1/government-records/", {
        "government": orgs.qiaocheng_gov.pk, "kind": "policy", "title": "关于进一步加强和改进乡镇（街道）消防安全工作的实施意见",
        "held_on": "2026-03-01", "document_no": "谯政办〔2026〕8号", "summary": "明确乡镇消防安全职责",
    }, content_type="application/json")  # fmt: skip
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    decision = client.post(f"/api/v1/government-records/{pk}/decisions/", {
        "text": "各乡镇设立消防安全管理站", "owners": [orgs.huaxilou_gov.pk], "due_on": "2026-06-30",
    }, content_type="application/json")  # fmt: skip
    assert decision.status_code == 201 and len(decision.json()["action_items"]) == 1
    items = client.get("/api/v1/action-items/").json()["results"]
    assert items[0]["record"] == pk and items[0]["meeting"] is None
    missing = client.post("/api/v1/government-records/", {
        "government": orgs.qiaocheng_gov.pk, "kind": "policy", "title": "某文件", "held_on": "2026-03-01",
        "summary": "内容",
    }, content_type="application/json")  # fmt: skip
    assert missing.status_code == 400 and "文号" in missing.content.decode()
