"""Tips as the services see them: checking deadlines, tracking without personal data, conversion into a
hazard and dismissal with a reason."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from flameblue.core.errors import DomainError, OutOfScope
from flameblue.hazards.choices import HazardSource, HazardStatus, TipStatus
from flameblue.hazards.models import Tip
from flameblue.hazards.tips import services as tips
from tests.hazards.tips.helpers import at, make_tip

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


def test_urgent_tip_about_a_locked_exit_must_be_checked_within_24_hours():
    received = at(dt.date(2025, 1, 27), 15, 30)
    tip = make_tip(category="blocked_exit", now=received)
    assert tip.check_due_at == received + dt.timedelta(hours=24)


def test_tip_about_disabled_fire_systems_is_urgent_too():
    received = at(dt.date(2025, 1, 27), 9)
    assert make_tip(category="fire_system_disabled", now=received).check_due_at == at(dt.date(2025, 1, 28), 9)


def test_other_tip_is_due_after_three_working_days_across_spring_festival():
    # Received Monday 2025-01-27; 01-28 … 02-04 is the Spring Festival holiday: 02-05, 02-06, 02-07.
    tip = make_tip(category="other", now=at(dt.date(2025, 1, 27), 11))
    due = timezone.localtime(tip.check_due_at)
    assert due.date() == dt.date(2025, 2, 7)
    assert (due.hour, due.minute) == (23, 59)


def test_tracking_code_is_ten_unambiguous_characters_and_unique():
    codes = {make_tip(now=at(dt.date(2026, 3, 2))).tracking_code for _ in range(5)}
    assert len(codes) == 5
    for code in codes:
        assert len(code) == 10
        assert not set(code) & set("01OIL")


def test_tracking_shows_status_and_reply_but_no_personal_data():
    tip = make_tip(phone="13812345678", place_name="万达广场", now=at(dt.date(2026, 3, 2)))
    seen = tips.tip_track(tip.tracking_code.lower())
    assert seen is not None and seen.status == TipStatus.RECEIVED
    shown = str(seen.as_dict())
    assert "13812345678" not in shown and "5678" not in shown
    assert tip.address not in shown and tip.description not in shown
    assert tips.tip_track("ZZZZZZZZZZ") is None
    assert tips.tip_track("") is None


def test_township_must_be_in_bozhou():
    with pytest.raises(DomainError) as err:
        make_tip(region="340102001")  # 合肥
    assert err.value.field == "region" and "亳州" in err.value.message


def test_bad_phone_is_refused_with_the_field_named():
    with pytest.raises(DomainError) as err:
        make_tip(phone="12345")
    assert err.value.field == "phone" and "联系电话" in err.value.message
    assert not Tip.objects.exists()


def test_phone_with_country_code_is_normalised_and_stored():
    tip = make_tip(phone="+86 138 1234 5678")
    assert tip.phone == "13812345678" and tip.phone_digest


def test_too_many_links_in_the_description_are_refused():
    with pytest.raises(DomainError) as err:
        make_tip(description="优惠 http://a.com http://b.com http://c.com")
    assert err.value.field == "description"


def test_start_checking_then_convert_into_a_hazard_links_both(units, people):
    tip = make_tip(category="blocked_exit")
    tip = tips.tip_start_check(tip=tip, by=people.qiaocheng)
    assert tip.status == TipStatus.CHECKING
    hazard = tips.tip_convert(tip=tip, by=people.qiaocheng, unit=units.mall, location="二楼东侧")
    tip.refresh_from_db()
    assert tip.status == TipStatus.CONVERTED and tip.unit == units.mall and tip.checked_by == people.qiaocheng
    assert (
        hazard.tip == tip and hazard.source == HazardSource.PUBLIC_TIP and hazard.status == HazardStatus.FOUND
    )
    assert list(tip.hazards.all()) == [hazard]
    assert hazard.description == tip.description and hazard.source_ref == tip.tracking_code
    assert tips.tip_track(tip.tracking_code).public_reply


def test_convert_needs_a_unit(people):
    tip = make_tip()
    with pytest.raises(DomainError) as err:
        tips.tip_convert(tip=tip, by=people.qiaocheng, unit=None)
    assert err.value.field == "unit"
    tip.refresh_from_db()
    assert tip.status == TipStatus.RECEIVED


def test_convert_refuses_a_unit_outside_the_officers_area(units, people):
    tip = make_tip()
    with pytest.raises(OutOfScope):
        tips.tip_convert(tip=tip, by=people.qiaocheng, unit=units.hospital)


def test_dismiss_needs_a_reason_and_shows_the_public_reply(people):
    tip = make_tip()
    with pytest.raises(DomainError) as err:
        tips.tip_dismiss(tip=tip, by=people.qiaocheng, reason="  ")
    assert err.value.field == "reason" and "理由" in err.value.message
    tip = tips.tip_dismiss(
        tip=tip, by=people.qiaocheng, reason="现场核查通道畅通", public_reply="经核查未发现问题"
    )
    assert tip.status == TipStatus.DISMISSED and tip.dismissal_reason == "现场核查通道畅通"
    assert tips.tip_track(tip.tracking_code).public_reply == "经核查未发现问题"


def test_a_decided_tip_cannot_be_decided_again(people):
    tip = tips.tip_dismiss(tip=make_tip(), by=people.qiaocheng, reason="不属实")
    with pytest.raises(DomainError) as err:
        tips.tip_start_check(tip=tip, by=people.qiaocheng)
    assert "经核查不属实" in err.value.message


def test_another_countys_brigade_cannot_touch_the_tip(people):
    tip = make_tip()
    with pytest.raises(OutOfScope):
        tips.tip_start_check(tip=tip, by=people.mengcheng)


def test_grid_officer_sees_tips_of_the_township_only(people):
    here = make_tip()
    elsewhere = make_tip(region="341602100")
    visible = set(Tip.objects.visible_to(people.grid))
    assert here in visible and elsewhere not in visible
