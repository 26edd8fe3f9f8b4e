"""The roster's history: an entry is edited with a version check (a stale edit names who changed it), duty
statuses change by the transition table with the date they take effect, and a transfer closes the current
posting and opens the next; the person's page shows postings and status history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from flameblue.core.errors import ConcurrencyError, DomainError, PermissionDeniedError
from flameblue.core.models import AuditEvent
from flameblue.core.workflow import IllegalTransition
from flameblue.corps.staffing import services
from flameblue.corps.staffing.models import Posting
from tests.dates import frozen_on

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(dt.date(2026, 11, 20))]


def test_an_edit_with_a_stale_version_is_refused_naming_who(corps, chain):
    entry = corps.members["张伟"]
    seen = entry.version
    services.roster_update(
        entry, by=corps.commander, post="班长", rank="sff3", crew="一班", expected_version=seen
    )
    with pytest.raises(ConcurrencyError, match="tegin_commander"):
        services.roster_update(entry, by=chain.political, post="战斗员", rank="ff2", expected_version=seen)
    entry.refresh_from_db()
    assert (entry.post, entry.rank) == ("班长", "sff3")


def test_status_changes_follow_the_table_with_their_dates(corps):
    entry = corps.members["张伟"]
    entry = services.roster_set_status(
        entry, by=corps.commander, status="leave", on=dt.date(2026, 11, 25), reason="探亲休假"
    )
    entry = services.roster_set_status(entry, by=corps.commander, status="on_duty", on=dt.date(2026, 12, 10))
    assert entry.status == "on_duty"
    rows = list(entry.transitions.order_by("at", "id").values_list("from_status", "to_status", "data"))
    assert rows == [("on_duty", "leave", {"on": "2026-11-25"}), ("leave", "on_duty", {"on": "2026-12-10"})]
    with pytest.raises(IllegalTransition, match="在岗"):
        services.roster_set_status(entry, by=corps.commander, status="on_duty", on=dt.date(2026, 12, 11))


def test_transferred_is_final(corps, chain):
    entry = services.roster_set_status(
        corps.members["李强"], by=chain.political, status="transferred", on=dt.date(2026, 11, 30),
        reason="调往省总队特勤支队",
    )  # fmt: skip
    with pytest.raises(IllegalTransition):
        services.roster_set_status(entry, by=chain.political, status="on_duty", on=dt.date(2026, 12, 1))


def test_a_transfer_keeps_the_history_of_postings(corps, chain, login):
    entry = corps.members["张伟"]
    entry = services.roster_transfer(
        entry, by=chain.political, station=corps.mengcheng, on=dt.date(2026, 12, 1), reason="加强蒙城站力量",
        post="副站长", crew="二班", expected_version=entry.version,
    )  # fmt: skip
    assert (
        entry.station == corps.mengcheng
        and entry.posted_on == dt.date(2026, 12, 1)
        and entry.post == "副站长"
    )
    postings = list(Posting.objects.filter(entry=entry).order_by("started_on").values_list(
        "station__name", "started_on", "ended_on"))  # fmt: skip
    assert postings == [
        ("谯城区特勤消防救援站", dt.date(2021, 3, 1), dt.date(2026, 12, 1)),
        ("蒙城县城关消防救援站", dt.date(2026, 12, 1), None),
    ]
    assert AuditEvent.objects.filter(object_type="corps.rosterentry", action="transition").exists()
    page = login(chain.political).get(reverse("corps:roster-detail", args=[entry.pk])).content.decode()
    history = page.split('id="postings"')[1]
    assert history.index("蒙城县城关消防救援站") < history.index("谯城区特勤消防救援站")
    assert "调动：谯城区特勤消防救援站 → 蒙城县城关消防救援站" in page and "加强蒙城站力量" in page


def test_a_transfer_needs_the_transfer_action_and_a_later_date(corps, chain):
    entry = corps.members["张伟"]
    with pytest.raises(PermissionDeniedError):
        services.roster_transfer(entry, by=corps.commander, station=corps.xincheng, on=dt.date(2026, 12, 1),
                                 reason="调整")  # fmt: skip
    with pytest.raises(DomainError, match="调动日期须晚于"):
        services.roster_transfer(entry, by=chain.political, station=corps.xincheng, on=dt.date(2020, 1, 1),
                                 reason="调整")  # fmt: skip
    assert not Posting.objects.exists()


def test_the_pages_edit_change_status_and_transfer(corps, chain, login):
    entry = corps.members["王磊"]
    client = login(chain.political)
    response = client.post(reverse("corps:roster-edit", args=[entry.pk]),
                           {"version": entry.version, "post": "班长", "rank": "sff3", "crew": "二班"})  # fmt: skip
    assert response.status_code == 302
    stale = client.post(reverse("corps:roster-edit", args=[entry.pk]),
                        {"version": entry.version, "post": "战斗员", "rank": "ff2", "crew": ""})  # fmt: skip
    assert stale.status_code == 409 and "political_cadre" in stale.content.decode()
    entry.refresh_from_db()
    response = client.post(reverse("corps:roster-status", args=[entry.pk]),
                           {"version": entry.version, "status": "training", "on": "2026-11-22",
                            "reason": "参加总队班长培训"})  # fmt: skip
    assert response.status_code == 302
    entry.refresh_from_db()
    response = client.post(reverse("corps:roster-transfer", args=[entry.pk]),
                           {"version": entry.version, "station": corps.tegin.pk, "on": "2026-12-01",
                            "reason": "培训结业调特勤站"})  # fmt: skip
    assert response.status_code == 302
    page = client.get(reverse("corps:roster-detail", args=[entry.pk])).content.decode()
    assert "在岗 → 学习培训" in page and "2026-11-22" in page and "培训结业调特勤站" in page


def test_the_api_changes_status_and_reads_the_history(corps, chain, login):
    entry = corps.members["赵勇"]
    client = login(chain.political)
    url = reverse("api:corps-roster-status", args=[entry.pk])
    response = client.post(url, {"status": "leave", "on": "2026-11-21", "version": entry.version},
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 200 and response.json()["status"] == "leave"
    stale = client.post(url, {"status": "on_duty", "on": "2026-11-28", "version": entry.version},
                        content_type="application/json")  # fmt: skip
    assert stale.status_code == 409
    history = client.get(reverse("api:corps-roster-history", args=[entry.pk])).json()
    assert history["status_history"][0]["on"] == "2026-11-21"
