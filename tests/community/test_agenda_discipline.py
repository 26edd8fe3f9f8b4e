"""党委会议议题 and the "四不忘" discipline: meetings of the detachment's and brigades' party committees with
agenda items tagged by aspect; each quarter-rule aspect missing in a past quarter is a gap, the current
quarter is "not yet"; the political office sees it on the page and in the API; brigades see only theirs."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from flameblue.community.agenda import services
from flameblue.community.agenda.selectors import agenda_compliance
from flameblue.community.models import AgendaTag, PartyMeeting
from flameblue.core.errors import DomainError
from flameblue.org.models import Organization
from tests.dates import frozen_on

TODAY = dt.date(2026, 5, 20)  # the second quarter
pytestmark = [pytest.mark.date_sensitive, frozen_on(TODAY)]


def tags(*codes: str) -> list[AgendaTag]:
    return list(AgendaTag.objects.filter(vocabulary="shuangyong", code__in=codes))


def meeting(committee, day: dt.date, *codes: str):
    m = services.meeting_create(by=None, committee=committee, kind="committee", held_on=day, title="党委会")
    services.agenda_item_add(by=None, meeting=m, title="研究双拥工作", tags=tags(*codes))
    return m


def test_tags_and_their_frequency_rule_are_data(db):
    rule = {t.code: (t.period, t.minimum) for t in AgendaTag.objects.filter(vocabulary="shuangyong")}
    assert rule == {"topic": ("quarter", 1), "planning": ("quarter", 1), "analysis": ("quarter", 1),
                    "inspection": ("year", 2)}  # fmt: skip


def test_a_past_quarter_without_analysis_is_a_gap_the_current_quarter_is_not_yet(world, orgs):
    meeting(orgs.qiaocheng_brigade, dt.date(2026, 2, 10), "topic", "planning", "inspection")
    meeting(orgs.qiaocheng_brigade, dt.date(2026, 5, 10), "topic", "planning", "analysis")
    _tags, rows = agenda_compliance(Organization.objects.filter(pk=orgs.qiaocheng_brigade.pk), 2026, TODAY)
    row = rows[0]
    due = {(g.tag.code, g.period) for g in row.gaps if g.due}
    assert due == {("analysis", "Q1")}
    assert ("inspection", "year", False) in {(g.tag.code, g.period, g.due) for g in row.gaps}
    assert row.counts["topic"] == {"Q1": 1, "Q2": 1} and not row.compliant


def test_political_office_sees_gaps_per_committee_on_the_page_and_in_the_api(world, orgs, client):
    meeting(orgs.detachment, dt.date(2026, 2, 10), "topic", "planning", "analysis")
    client.force_login(world.people.political)
    page = client.get(reverse("community:agenda-compliance"), {"year": 2026}).content.decode()
    assert "谯城区消防救援大队：Q1 研究形势不忘分析 0/1 次" in page
    assert "亳州市消防救援支队：Q1" not in page
    rows = client.get(reverse("api:community-meeting-compliance"), {"year": 2026}).json()
    gaps = {r["committee_name"]: {(g["tag"], g["period"]) for g in r["gaps"] if g["due"]} for r in rows}
    assert gaps["亳州市消防救援支队"] == set()
    assert ("analysis", "Q1") in gaps["蒙城县消防救援大队"]


def test_brigade_records_its_committees_meeting_with_tagged_items(world, orgs, client):
    client.force_login(world.people.qiaocheng)
    response = client.post(reverse("community:meeting-create"), {
        "committee": orgs.qiaocheng_brigade.pk, "kind": "enlarged", "held_on": "2026-04-08", "title": "大队党委扩大会议",
    })  # fmt: skip
    m = PartyMeeting.objects.get()
    assert response.status_code == 302 and m.committee == orgs.qiaocheng_brigade
    analysis = AgendaTag.objects.get(vocabulary="shuangyong", code="analysis")
    client.post(reverse("community:agenda-item-add", args=[m.pk]),
                {"title": "分析驻地双拥形势", "decision": "同意", "tags": [analysis.pk]})  # fmt: skip
    assert [t.code for t in m.items.get().tags.all()] == ["analysis"]
    page = client.get(reverse("community:meeting-detail", args=[m.pk])).content.decode()
    assert "分析驻地双拥形势" in page and "分析</span>" in page


def test_brigade_cannot_record_another_brigades_or_the_detachments_meeting(world, orgs, client):
    client.force_login(world.people.qiaocheng)
    response = client.post(reverse("community:meeting-create"), {
        "committee": orgs.mengcheng_brigade.pk, "kind": "committee", "held_on": "2026-04-08", "title": "会议",
    })  # fmt: skip
    assert response.status_code == 200 and not PartyMeeting.objects.exists()  # not among the choices
    other = meeting(orgs.mengcheng_brigade, dt.date(2026, 2, 10), "topic")
    assert client.get(reverse("community:meeting-detail", args=[other.pk])).status_code == 404


def test_a_station_is_not_a_party_committee(world):
    with pytest.raises(DomainError, match="不是支队或大队党委"):
        services.meeting_create(by=None, committee=world.stations.qiaocheng, kind="committee",
                                held_on=dt.date(2026, 2, 1), title="会议")  # fmt: skip
