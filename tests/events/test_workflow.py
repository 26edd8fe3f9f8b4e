"""The event's workflow (筹备 → 安保中 → 已结束): security duty starts only when every venue is ready, daily
reports and incidents belong to an event under way, the end needs the close-out summary, a stale version is
refused naming who changed it, and each move leaves a transition row and an audit event."""

from __future__ import annotations

import datetime as dt

import pytest

from flameblue.core.errors import ConcurrencyError, DomainError, PermissionDeniedError
from flameblue.core.models import AuditEvent
from flameblue.events import services
from flameblue.events.choices import EventStatus
from flameblue.events.models import Event
from tests.events.conftest import START, check, staff

pytestmark = pytest.mark.django_db


def _ready(venues, people, crew):
    check(venues.mall, people.qiaocheng)
    services.venue_site_check(venue=venues.square, by=people.qiaocheng, checked_on=START, note="通道畅通")
    for venue in (venues.mall, venues.square):
        staff(services.post_add(venue=venue, by=people.qiaocheng, name="执勤点"), crew)


def test_security_duty_does_not_start_before_every_venue_is_ready(event, venues, people, crew):
    check(venues.mall, people.qiaocheng)
    with pytest.raises(DomainError) as refused:
        services.event_start(event=event, by=people.qiaocheng)
    assert "亳州万达广场" in refused.value.message and "汤王陵广场临时展区" in refused.value.message
    event.refresh_from_db()
    assert event.status == EventStatus.PREPARING


def test_an_event_without_venues_cannot_start(event, people):
    with pytest.raises(DomainError, match="尚未登记活动场所"):
        services.event_start(event=event, by=people.qiaocheng)


def test_a_ready_event_starts_reports_and_ends_with_its_summary(event, venues, people, crew):
    _ready(venues, people, crew)
    started = services.event_start(event=event, by=people.qiaocheng, expected_version=event.version)
    assert started.status == EventStatus.SECURING
    services.daily_report_add(
        event=started, by=people.qiaocheng, date=START, summary="各岗位到岗", staff_on_duty=12
    )
    services.incident_add(event=started, by=people.qiaocheng, venue=venues.mall, kind="alarm",
                          occurred_at=dt.datetime(2026, 5, 18, 10, tzinfo=dt.UTC), description="烟感误报",
                          handled=True, handling="已复位")  # fmt: skip
    with pytest.raises(DomainError, match="安保总结"):
        services.event_end(event=started, by=people.qiaocheng, summary=" ")
    ended = services.event_end(event=started, by=people.qiaocheng, summary="未发生火灾，圆满完成。")
    assert ended.status == EventStatus.ENDED and ended.summary == "未发生火灾，圆满完成。"
    assert [t.to_status for t in ended.transitions.order_by("at", "id")] == ["preparing", "securing", "ended"]
    assert AuditEvent.objects.filter(object_type="events.event", object_id=str(event.pk)).count() >= 3


def test_reports_and_incidents_wait_for_security_duty(event, venues, people):
    with pytest.raises(DomainError, match="尚未进入安保"):
        services.daily_report_add(event=event, by=people.qiaocheng, date=START, summary="—")
    with pytest.raises(DomainError, match="尚未进入安保"):
        services.incident_add(event=event, by=people.qiaocheng, kind="fire", description="—",
                              occurred_at=dt.datetime(2026, 5, 18, 10, tzinfo=dt.UTC))  # fmt: skip


def test_only_the_commander_starts_security_duty(event, venues, people, orgs):
    from tests.factories import persona

    station = persona("teqin", orgs.qiaocheng_brigade, "station_commander")
    with pytest.raises(PermissionDeniedError):
        services.event_start(event=event, by=station)


def test_a_stale_edit_names_who_changed_the_event(event, people):
    old = event.version
    services.event_update(event, by=people.qiaocheng, expected_version=old, name="药博会消防安保", level="city",
                          starts_on=event.starts_on, ends_on=event.ends_on)  # fmt: skip
    with pytest.raises(ConcurrencyError, match="qiaocheng"):
        services.event_update(event, by=people.qiaocheng, expected_version=old, name="另一个名称", level="city",
                              starts_on=event.starts_on, ends_on=event.ends_on)  # fmt: skip
    assert Event.objects.get(pk=event.pk).name == "药博会消防安保"


def test_dates_out_of_order_are_refused_naming_the_field(orgs, people):
    with pytest.raises(DomainError) as refused:
        services.event_create(by=people.qiaocheng, organiser=orgs.qiaocheng_brigade, region=orgs.qiaocheng_brigade.region,
                              name="两会安保", level="county", starts_on=START, ends_on=START - dt.timedelta(days=1))  # fmt: skip
    assert refused.value.field == "ends_on"
