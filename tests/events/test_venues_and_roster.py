"""Venues, risk acceptance, duty posts and the roster: an ad-hoc place needs a township and an address, the
pre-event inspection is started from a registered venue, only the commander accepts a hazard's risk (with a
reason, audited, only a hazard of that venue), and shifts are dated inside the event with people on them."""

from __future__ import annotations

import datetime as dt

import pytest

from flameblue.core.errors import DomainError, PermissionDeniedError
from flameblue.core.models import AuditEvent
from flameblue.events import services
from flameblue.events.selectors import open_hazards
from tests.events.conftest import END, START, check
from tests.factories import persona

pytestmark = pytest.mark.django_db


def test_an_ad_hoc_place_needs_a_township_and_an_address(event, people, orgs):
    with pytest.raises(DomainError) as refused:
        services.venue_add(event=event, by=people.qiaocheng, name="临时舞台")
    assert refused.value.field == "region"
    with pytest.raises(DomainError) as refused:
        services.venue_add(event=event, by=people.qiaocheng, name="临时舞台", region=orgs.huaxilou_gov.region)
    assert refused.value.field == "address"


def test_a_venue_lies_in_the_events_region(event, people, orgs):
    from flameblue.geo.models import Region

    with pytest.raises(DomainError) as refused:
        services.venue_add(event=event, by=people.detachment, name="蒙城县体育场", address="蒙城县城关",
                           region=Region.objects.get(pk="341622"))  # fmt: skip
    assert refused.value.field == "region" and not event.venues.exists()


def test_an_ad_hoc_place_has_no_inspection_but_a_site_check(venues, people):
    with pytest.raises(DomainError, match="现场检查"):
        services.venue_inspection_start(venue=venues.square, by=people.qiaocheng)


def test_risk_acceptance_is_the_commanders_with_a_reason(event, venues, people, orgs):
    check(venues.mall, people.qiaocheng, fail=1)
    hazard = open_hazards(venues.mall).get()
    station = persona("teqin", orgs.qiaocheng_brigade, "station_commander")
    with pytest.raises(PermissionDeniedError):
        services.hazard_accept(venue=venues.mall, hazard=hazard, by=station, reason="临时措施")
    with pytest.raises(DomainError) as refused:
        services.hazard_accept(venue=venues.mall, hazard=hazard, by=people.qiaocheng, reason="  ")
    assert refused.value.field == "reason"
    with pytest.raises(DomainError, match="不是本场所"):
        services.hazard_accept(venue=venues.square, hazard=hazard, by=people.qiaocheng, reason="临时措施")
    acceptance = services.hazard_accept(
        venue=venues.mall, hazard=hazard, by=people.qiaocheng, reason="专人值守"
    )
    assert AuditEvent.objects.filter(object_type="events.hazardacceptance", object_id=str(acceptance.pk),
                                     reason="专人值守").exists()  # fmt: skip
    with pytest.raises(DomainError, match="已接受"):
        services.hazard_accept(venue=venues.mall, hazard=hazard, by=people.qiaocheng, reason="再次")


def test_a_shift_is_dated_inside_the_event_and_has_people(venues, people, crew):
    post = services.post_add(venue=venues.mall, by=people.qiaocheng, name="前置执勤点", vehicles="皖S·0119 水罐消防车",
                             crew=crew)  # fmt: skip
    assert list(post.crew.order_by("name").values_list("name", flat=True)) == ["张伟", "李强"]
    with pytest.raises(DomainError) as refused:
        services.shift_add(post=post, by=people.qiaocheng, date=END + dt.timedelta(days=1), starts_at=dt.time(8),
                           ends_at=dt.time(20), people=crew)  # fmt: skip
    assert refused.value.field == "date"
    with pytest.raises(DomainError) as refused:
        services.shift_add(post=post, by=people.qiaocheng, date=START, starts_at=dt.time(8), ends_at=dt.time(20),
                           people=[])  # fmt: skip
    assert refused.value.field == "people"
    shift = services.shift_add(post=post, by=people.qiaocheng, date=START, starts_at=dt.time(8), ends_at=dt.time(20),
                               people=crew)  # fmt: skip
    assert shift.people.count() == 2
    with pytest.raises(DomainError, match="已有排班"):
        services.shift_add(post=post, by=people.qiaocheng, date=START, starts_at=dt.time(8), ends_at=dt.time(12),
                           people=crew)  # fmt: skip


def test_people_out_of_the_users_jurisdiction_cannot_be_rostered(venues, people, orgs):
    from tests.factories import PersonFactory

    post = services.post_add(venue=venues.mall, by=people.qiaocheng, name="前置执勤点")
    stranger = PersonFactory(organization=orgs.mengcheng_brigade)
    with pytest.raises(DomainError) as refused:
        services.shift_add(post=post, by=people.qiaocheng, date=START, starts_at=dt.time(8), ends_at=dt.time(20),
                           people=[stranger])  # fmt: skip
    assert refused.value.field == "people"
