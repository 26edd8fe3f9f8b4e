"""A committee's composition (组成人员): director, deputies, member units with their liaison persons, the
office and its host organization. Each adjustment is a new composition; earlier ones stay as history; bad
compositions are refused with the reason and save nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from flameblue.core.errors import DomainError, OutOfScope
from flameblue.governance import services
from flameblue.governance.models import CommitteeRoster

pytestmark = pytest.mark.django_db


def seats(orgs, *extra):
    return [
        {"position": "director", "organization": orgs.qiaocheng_gov, "person_name": "张区长", "title": "区长"},
        {"position": "deputy", "organization": orgs.qiaocheng_gov, "person_name": "李副区长"},
        {"position": "office_director", "organization": orgs.qiaocheng_brigade, "person_name": "王大队长"},
        {"position": "member", "organization": orgs.qiaocheng_edu, "person_name": "赵局长", "liaison_name": "钱科长",
         "liaison_phone": "0558-5550001"},
        *extra,
    ]  # fmt: skip


def adjust(gov, orgs, *, by=None, on=dt.date(2026, 2, 1), rows=None, **kwargs):
    return services.roster_adjust(
        by=by, committee=gov.qiaocheng_committee, year=2026, adjusted_on=on, office_host=orgs.qiaocheng_brigade,
        seats=rows if rows is not None else seats(orgs), document_no="谯消委〔2026〕1号", **kwargs,
    )  # fmt: skip


def test_adjustment_records_the_composition_with_liaisons(gov, orgs, frozen):
    roster = adjust(gov, orgs, by=gov.office)
    assert roster.seats.count() == 4
    member = roster.seats.get(position="member")
    assert (member.organization, member.liaison_name) == (orgs.qiaocheng_edu, "钱科长")


def test_a_later_adjustment_keeps_the_earlier_one_as_history(gov, orgs, frozen):
    first = adjust(gov, orgs, on=dt.date(2026, 1, 5))
    extra = {"position": "member", "organization": orgs.qiaocheng_health, "person_name": "孙主任"}
    second = adjust(gov, orgs, on=dt.date(2026, 3, 1), rows=seats(orgs, extra))
    assert list(CommitteeRoster.objects.filter(committee=gov.qiaocheng_committee)) == [second, first]
    assert first.seats.count() == 4 and second.seats.count() == 5


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (lambda orgs: seats(orgs)[1:], "有且只有一名主任"),
        (lambda orgs: seats(orgs)[:3], "至少列出一个成员单位"),
        (lambda orgs: seats(orgs, {"position": "member", "organization": orgs.qiaocheng_edu, "person_name": "x"}),
         "同一成员单位只能列一次"),
        (lambda orgs: seats(orgs, {"position": "member", "organization": orgs.mengcheng_edu, "person_name": "x"}),
         "“蒙城县教育局”不在谯城区消防安全委员会的辖区内"),
    ],
    ids=["no-director", "no-member", "member-twice", "outside-region"],
)  # fmt: skip
def test_a_bad_composition_is_refused_and_nothing_saved(gov, orgs, frozen, rows, message):
    with pytest.raises(DomainError, match=message):
        adjust(gov, orgs, rows=rows(orgs))
    assert not CommitteeRoster.objects.exists()


def test_another_countys_leader_cannot_adjust_the_committee(gov, orgs, frozen):
    with pytest.raises(OutOfScope):
        adjust(gov, orgs, by=gov.mengcheng_leader)


def test_the_page_starts_from_the_current_composition_and_saves_a_new_one(login, gov, orgs, frozen):
    adjust(gov, orgs, on=dt.date(2026, 1, 5))
    client = login(gov.office)
    url = reverse("governance:roster-adjust", args=[gov.qiaocheng_committee.pk])
    assert "赵局长" in client.get(url).content.decode()
    data = {"year": 2026, "adjusted_on": "2026-03-01", "document_no": "谯消委〔2026〕2号",
            "office_host": orgs.qiaocheng_brigade.pk, "seats-TOTAL_FORMS": 5, "seats-INITIAL_FORMS": 0}  # fmt: skip
    for i, row in enumerate(seats(orgs)):
        data |= {f"seats-{i}-{k}": (v.pk if hasattr(v, "pk") else v) for k, v in row.items()}
    assert client.post(url, data).status_code == 302
    assert CommitteeRoster.objects.count() == 2
    page = client.get(
        reverse("governance:committee-detail", args=[gov.qiaocheng_committee.pk])
    ).content.decode()
    assert "谯消委〔2026〕2号" in page and "钱科长" in page


def test_the_page_shows_a_refusal_on_the_form(login, gov, orgs, frozen):
    url = reverse("governance:roster-adjust", args=[gov.qiaocheng_committee.pk])
    data = {"year": 2026, "adjusted_on": "2026-03-01", "office_host": orgs.qiaocheng_brigade.pk,
            "seats-TOTAL_FORMS": 1, "seats-INITIAL_FORMS": 0, "seats-0-position": "member",
            "seats-0-organization": orgs.qiaocheng_edu.pk, "seats-0-person_name": "赵局长"}  # fmt: skip
    response = login(gov.office).post(url, data)
    assert response.status_code == 400 and "有且只有一名主任" in response.content.decode()


def test_api_records_a_composition(client, gov, orgs, frozen):
    client.force_login(gov.office)
    body = {"committee": gov.qiaocheng_committee.pk, "year": 2026, "adjusted_on": "2026-02-01",
            "office_host": orgs.qiaocheng_brigade.pk,
            "seats": [{k: (v.pk if hasattr(v, "pk") else v) for k, v in row.items()} for row in seats(orgs)]}  # fmt: skip
    response = client.post(reverse("api:governance-roster-list"), body, content_type="application/json")
    assert response.status_code == 201 and len(response.json()["seats"]) == 4
