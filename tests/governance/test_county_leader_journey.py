"""The county leader's journey on the demo data (issue 12's "done when"): 利辛县's leader (lixin_gov) logs
in and sees the county's letters and its standing in the published 2018 assessment on the home page, opens a
committee meeting and one of its decisions, and answers the county's open action item — the answer is saved
and the item waits for the committee office."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from flameblue.governance.assessment.models import AssessmentEntry
from flameblue.governance.models import ActionItem
from flameblue.org.models import Organization, User

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]


def test_lixin_leader_sees_standing_opens_a_decision_and_answers_an_item(demo, client):
    leader = User.objects.get(username="lixin_gov")
    lixin = Organization.objects.get(name="利辛县人民政府")
    client.force_login(leader)

    home = client.get(reverse("core:dashboard")).content.decode()
    entry = AssessmentEntry.objects.get(assessment__year=2018, assessed=lixin)
    assert "年度消防工作责任制" in home and "目标管理责任书" in home
    assert f"第 {entry.rank} / 4 名" in home and entry.grade in home

    item = ActionItem.objects.filter(owner=lixin, status="open").select_related("decision").first()
    if item is None:  # early in January this year's meetings have not been held: the city decides one now
        from flameblue.governance import services
        from flameblue.governance.models import Meeting

        meeting = Meeting.objects.filter(committee__region_id="3416").order_by("-held_on").first()
        decision = services.decision_add(
            by=None, meeting=meeting, text="开展冬春火灾防控检查", owners=[lixin],
            due_on=max(meeting.held_on, timezone.localdate()) + dt.timedelta(days=30),
        )  # fmt: skip
        item = decision.action_items.select_related("decision").get()
    source_url = (
        reverse("governance:meeting-detail", args=[item.decision.meeting_id])
        if item.decision.meeting_id
        else reverse("governance:record-detail", args=[item.decision.record_id])
    )
    detail = client.get(reverse("governance:actionitem-detail", args=[item.pk])).content.decode()
    assert item.decision.text in detail and "反馈落实情况" in detail
    assert client.get(source_url).status_code in (200, 404)  # a city meeting stays within the city's region
    answered = client.post(
        reverse("governance:actionitem-answer", args=[item.pk]),
        {"version": item.version, "answer": "已组织全县人员密集场所排查，整改问题23处"},
    )
    assert answered.status_code == 302
    item.refresh_from_db()
    assert item.status == "answered" and item.answered_by == leader
