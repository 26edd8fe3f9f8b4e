"""Training coverage is counted from the records: distinct 党政领导 and 部门负责人 on rosters (one official
trained twice counts once), head counts of roster-less official sessions added, roster sessions and their
attendees ("739人、4次"), and per government and department who was trained."""

from __future__ import annotations

import pytest

from flameblue.outreach import services
from flameblue.outreach.selectors import training_coverage
from tests.factories import PersonFactory
from tests.outreach.conftest import audience, make_session, sheet_bytes, upload

pytestmark = pytest.mark.django_db


def _roster(session, rows):
    services.signin_import(session=session, upload=upload(sheet_bytes(rows)), by=None)


def test_officials_are_counted_once_and_head_counts_added(orgs, people):
    first = make_session(orgs.qiaocheng_gov)
    second = make_session(orgs.qiaocheng_gov, title="专题培训")
    _roster(first, [("王建国", "谯城区人民政府", "副区长", "", "党政领导"),
                    ("李红", "谯城区教育局", "局长", "", "部门负责人"),
                    ("赵六", "某物业公司", "经理", "", "重点单位负责人/管理人")])  # fmt: skip
    _roster(second, [("王建国", "谯城区人民政府", "副区长", "", "党政领导"),
                     ("周敏", "谯城区卫生健康委员会", "主任", "", "部门负责人")])  # fmt: skip
    make_session(orgs.mengcheng_gov, head_count=120)  # officials only, no roster
    make_session(orgs.mengcheng_gov, head_count=300, audiences=[audience("leader"), audience("employee")])

    cov = training_coverage(None, 2026)
    assert (cov.sessions, cov.roster_sessions, cov.roster_attendees) == (4, 2, 5)
    assert cov.attendees == 5 + 120 + 300
    assert (cov.leaders, cov.department_heads, cov.headcount_officials) == (1, 2, 120)
    assert cov.officials == 123
    assert (cov.governments, cov.departments) == (1, 2)
    gov = next(o for o in cov.by_organization if o.name == "谯城区人民政府")
    assert (gov.leaders, gov.attendees, gov.session_count) == (1, 2, 2)


def test_a_matched_person_is_one_official_whatever_the_sheet_says(orgs):
    PersonFactory(name="王建国", organization=orgs.qiaocheng_gov)
    session = make_session(orgs.qiaocheng_gov)
    _roster(session, [("王建国", "谯城区人民政府", "", "", "党政领导")])
    services.attendee_add(session=make_session(orgs.qiaocheng_gov, title="第二场"),
                          person=orgs.qiaocheng_gov.people.get(), audience=audience("leader"), by=None)  # fmt: skip
    assert training_coverage(None, 2026).leaders == 1


def test_a_brigade_counts_only_its_county(orgs, people):
    make_session(orgs.qiaocheng_gov, head_count=40)
    make_session(orgs.mengcheng_gov, head_count=60)
    assert training_coverage(people.qiaocheng, 2026).officials == 40
    assert training_coverage(people.detachment, 2026).officials == 100
    assert training_coverage(people.detachment, 2025).sessions == 0


def test_the_coverage_page_and_api_show_the_counts(orgs, people, login):
    from django.urls import reverse

    session = make_session(orgs.qiaocheng_gov)
    _roster(
        session,
        [("王建国", "谯城区人民政府", "", "", "党政领导"), ("李红", "谯城区教育局", "", "", "部门负责人")],
    )
    client = login(people.qiaocheng)
    page = client.get(reverse("outreach:coverage"), {"year": 2026}).content.decode()
    assert "2人、1次" in page and "谯城区教育局" in page
    data = client.get(reverse("api:outreach-session-coverage"), {"year": 2026}).json()
    assert (data["officials"], data["leaders"], data["department_heads"]) == (2, 1, 1)
