"""Issue 13's done-when for event security, in a browser: the commander's readiness page is not green while
a venue is unchecked or a post unstaffed; the inspector starts the mall's pre-event inspection from the
venue page and the ad-hoc square's site check is recorded; still not green until every post has people on
the roster for both days of the event; then green."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from flameblue.events import services
from flameblue.inspections.models import Inspection
from flameblue.inspections.services import inspection_submit
from tests.events.conftest import SIGNED, START, make_event
from tests.factories import DEFAULT_PASSWORD, PersonFactory
from tests.inspections.inspection_fixtures import answer_all
from tests.units.factories import make_unit

pytestmark = pytest.mark.browser

DAYS = (START, START + dt.timedelta(days=1))


def _login(page, username: str) -> None:
    page.goto(reverse("login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    with page.expect_navigation():
        page.locator("form:has(input[name=password]) [type=submit]").click()
    expect(page.get_by_role("button", name="退出")).to_be_visible()


def _submit(page, form: str) -> None:
    with page.expect_navigation():
        page.locator(f"{form} [type=submit]").click()


def _overall(page, event) -> None:
    page.goto(reverse("events:event-readiness", args=[event.pk]))


def _staff(page, venue, people) -> None:
    page.goto(reverse("events:venue-detail", args=[venue.pk]))
    page.fill("#post-form input[name=name]", "前置执勤点")
    page.fill("#post-form input[name=vehicles]", "皖S·0119 水罐消防车")
    _submit(page, "#post-form")
    expect(page.locator(".alert-success")).to_contain_text("执勤岗位已添加")
    for day in DAYS:
        page.locator("#shift-form select[name=post]").select_option(label=f"{venue.name} · 前置执勤点")
        page.fill("#shift-form input[name=date]", day.isoformat())
        page.fill("#shift-form input[name=starts_at]", "08:00")
        page.fill("#shift-form input[name=ends_at]", "20:00")
        page.locator("#shift-form select[name=people]").select_option([str(p.pk) for p in people], force=True)
        _submit(page, "#shift-form")
        expect(page.locator(".alert-success")).to_contain_text("排班已添加")


def test_the_readiness_page_turns_green_only_when_every_venue_is_checked_and_staffed(
    browser_page, orgs, people
):
    page = browser_page
    crew = [PersonFactory(organization=orgs.qiaocheng_brigade, name=n) for n in ("张伟", "李强")]
    event = make_event(orgs.qiaocheng_brigade, people.qiaocheng, starts_on=DAYS[0], ends_on=DAYS[1])
    mall = services.venue_add(
        event=event, by=people.qiaocheng, unit=make_unit(orgs.mall, place_type_id="mall")
    )
    square = services.venue_add(event=event, by=people.qiaocheng, name="汤王陵广场临时展区",
                                region=orgs.huaxilou_gov.region, address="谯城区汤陵路")  # fmt: skip

    _login(page, "qiaocheng")
    _overall(page, event)
    expect(page.locator("#overall")).to_have_attribute("data-green", "no")
    expect(page.locator("#overall")).to_contain_text("0/2")

    # Check the mall: the pre-event inspection is started from the venue page (its form is the inspections
    # app's, covered by that app's browser tests); the square, an ad-hoc place, gets its site check.
    page.goto(reverse("events:venue-detail", args=[mall.pk]))
    with page.expect_navigation():
        page.get_by_role("button", name="发起消防安保检查").click()
    inspection = Inspection.objects.get(context_type="events.venue", context_id=str(mall.pk))
    assert page.url.endswith(reverse("inspections:inspection-form", args=[inspection.pk]))
    answer_all(inspection, people.qiaocheng)
    inspection_submit(inspection=inspection, by=people.qiaocheng, **SIGNED)
    page.goto(reverse("events:venue-detail", args=[square.pk]))
    page.fill("input[name=checked_on]", (START - dt.timedelta(days=2)).isoformat())
    page.fill("textarea[name=note]", "消防车通道畅通，临时用电规范")
    with page.expect_navigation():
        page.get_by_role("button", name="登记", exact=True).click()

    _overall(page, event)
    expect(page.locator("#overall")).to_have_attribute("data-green", "no")
    rows = page.locator("#readiness tbody tr")
    expect(rows.nth(0)).to_contain_text("是")
    expect(rows.nth(0)).to_contain_text("未设岗位")
    expect(rows.nth(1)).to_contain_text("是")

    _staff(page, mall, crew)
    _overall(page, event)
    expect(page.locator("#overall")).to_have_attribute("data-green", "no")
    expect(page.locator("#overall")).to_contain_text("1/2")

    _staff(page, square, crew)
    _overall(page, event)
    expect(page.locator("#overall")).to_have_attribute("data-green", "yes")
    expect(page.locator("#overall")).to_contain_text("全部场所已就绪")
    expect(page.get_by_role("button", name="进入安保")).to_be_visible()
