"""Backbone rotation (驻训培育): a station nominates one of its officers with a reason; the detachment
approves (a period at HQ 司令部) or refuses (with a note); at the period's end — not before — the detachment
evaluates it with a rating and a comment; the person's page shows the rotations; the chain limits who sees
them."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from flameblue.core.errors import DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.workflow import IllegalTransition
from flameblue.corps.staffing import services
from flameblue.corps.staffing.models import Rotation
from tests.dates import at_ten, frozen_on

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(dt.date(2026, 3, 2))]

REASON = "该同志业务精通，连续三个月考核成绩全站第一，拟推荐到司令部驻训"


def _nominate(corps, name="张伟"):
    return services.rotation_nominate(by=corps.commander, entry=corps.members[name], reason=REASON)


def _approve(rotation, people, chain):
    return services.rotation_approve(
        rotation, by=people.detachment, hq_office=chain.hq_office, starts_on=dt.date(2026, 3, 10),
        ends_on=dt.date(2026, 6, 10), note="同意，到司令部作战训练科驻训三个月", expected_version=rotation.version,
    )  # fmt: skip


def test_a_station_nominates_and_the_detachment_approves(corps, chain, people):
    rotation = _nominate(corps)
    assert rotation.status == "nominated" and rotation.station == corps.tegin
    rotation = _approve(rotation, people, chain)
    assert rotation.status == "approved" and rotation.hq_office == chain.hq_office
    assert [t.to_status for t in rotation.transitions.order_by("at", "id")] == ["nominated", "approved"]


def test_a_station_cannot_nominate_another_stations_officer(corps, chain):
    with pytest.raises(OutOfScope):
        services.rotation_nominate(by=chain.xincheng_commander, entry=corps.members["张伟"], reason=REASON)
    assert not Rotation.objects.exists()


def test_one_open_rotation_per_person_and_a_reason_is_needed(corps):
    with pytest.raises(DomainError, match="推荐理由"):
        services.rotation_nominate(by=corps.commander, entry=corps.members["李强"], reason="  ")
    _nominate(corps)
    with pytest.raises(DomainError, match="已有待审批或进行中的驻训"):
        _nominate(corps)


def test_only_the_detachment_decides_and_a_refusal_says_why(corps, people):
    rotation = _nominate(corps)
    with pytest.raises(PermissionDeniedError):
        services.rotation_refuse(rotation, by=corps.commander, note="自批")
    with pytest.raises(DomainError, match="不予批准的理由"):
        services.rotation_refuse(rotation, by=people.detachment, note="")
    rotation = services.rotation_refuse(rotation, by=people.detachment, note="本期名额已满，下期优先考虑")
    assert rotation.status == "refused"
    with pytest.raises(IllegalTransition):
        services.rotation_evaluate(rotation, by=people.detachment, rating="good", comment="良好")


def test_the_evaluation_comes_at_the_periods_end(corps, chain, people, login):
    rotation = _approve(_nominate(corps), people, chain)
    with pytest.raises(DomainError, match="2026-06-10 结束"):
        services.rotation_evaluate(rotation, by=people.detachment, rating="excellent", comment="表现突出")
    with time_machine.travel(at_ten(dt.date(2026, 6, 10)), tick=False):
        rotation = services.rotation_evaluate(
            rotation,
            by=people.detachment,
            rating="excellent",
            comment="驻训期间参与制定灭火救援预案 12 份，表现突出",
        )
    assert rotation.status == "evaluated" and rotation.get_rating_display() == "优秀"
    page = (
        login(corps.commander).get(reverse("corps:roster-detail", args=[rotation.entry_id])).content.decode()
    )
    rotations = page.split('id="person-rotations"')[1]
    assert "已考评" in rotations and "亳州市消防救援支队司令部 2026-03-10 — 2026-06-10" in rotations
    assert "优秀" in rotations


def test_the_chain_decides_who_sees_rotations(corps, chain, people):
    rotation = _nominate(corps)
    assert Rotation.objects.visible_to(corps.commander).filter(pk=rotation.pk).exists()
    assert Rotation.objects.visible_to(people.qiaocheng).filter(pk=rotation.pk).exists()
    assert not Rotation.objects.visible_to(chain.xincheng_commander).exists()
    assert not Rotation.objects.visible_to(people.mengcheng).exists()
    assert not Rotation.objects.visible_to(people.city_leader).exists()


def test_the_pages_nominate_approve_and_evaluate(corps, chain, people, login):
    station = login(corps.commander)
    form = station.get(reverse("corps:rotation-create")).content.decode()
    assert "张伟（特勤站）" in form and "王磊" not in form
    response = station.post(
        reverse("corps:rotation-create"), {"entry": corps.members["李强"].pk, "reason": REASON}
    )
    rotation = Rotation.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "corps:rotation-detail", args=[rotation.pk]
    )
    hq = login(people.detachment)
    bad = hq.post(reverse("corps:rotation-approve", args=[rotation.pk]),
                  {"version": rotation.version, "hq_office": chain.hq_office.pk, "starts_on": "2026-03-10",
                   "ends_on": "2026-03-01"})  # fmt: skip
    assert bad.status_code == 400 and "结束日期须晚于开始日期" in bad.content.decode()
    ok = hq.post(reverse("corps:rotation-approve", args=[rotation.pk]),
                 {"version": rotation.version, "hq_office": chain.hq_office.pk, "starts_on": "2026-03-10",
                  "ends_on": "2026-04-10"})  # fmt: skip
    assert ok.status_code == 302
    listing = hq.get(reverse("corps:rotation-list") + "?status=approved").content.decode()
    assert "李强" in listing and "驻训中" in listing
    assert "李强" not in hq.get(reverse("corps:rotation-list") + "?status=refused").content.decode()
    api = hq.get(reverse("api:corps-rotation-list") + "?status=nominated").json()
    assert api["count"] == 0


def test_the_api_nominates_and_approves(corps, chain, people, login):
    response = login(corps.commander).post(
        reverse("api:corps-rotation-nominate"), {"entry": corps.members["张伟"].pk, "reason": REASON},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    response = login(people.detachment).post(
        reverse("api:corps-rotation-approve", args=[pk]),
        {"hq_office": chain.hq_office.pk, "starts_on": "2026-03-10", "ends_on": "2026-06-10"},
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 200 and response.json()["status"] == "approved"
