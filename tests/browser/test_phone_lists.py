"""Lists on a phone (390x844): rows are cards, the filters fold behind a 筛选 button, and a unit's name is
not squeezed to one character per line."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from flameblue.hazards import services
from flameblue.hazards.choices import HazardSource
from tests.units.factories import make_unit

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def test_the_hazard_list_fits_a_phone(
    chromium, live_server, transactional_db, django_db_serialized_rollback, orgs, people
):
    unit = make_unit(orgs.school, category="school")
    for i in range(25):
        services.hazard_report(
            by=people.qiaocheng, unit=unit, description=f"疏散通道堆放杂物（第{i + 1}处）",
            location="一层东侧走廊", source=HazardSource.SUPERVISION,
        )  # fmt: skip
    client = Client()
    client.force_login(people.qiaocheng)
    cookie = {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }
    context = chromium.new_context(base_url=live_server.url, locale="zh-CN", viewport=PHONE)
    try:
        context.add_cookies([cookie])
        page = context.new_page()
        page.goto(reverse("hazards:hazard-list"))
        expect(page.locator(".unit-name")).to_have_count(25)

        height = page.evaluate("document.documentElement.scrollHeight")
        assert height < 6000, f"the hazard list is {height}px tall on a phone"
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1

        assert "{#" not in page.content()
        page.screenshot(path="/tmp/uiflows_phone_hazards.png", full_page=False)
        first_field = page.locator("#list-filter-fields select, #list-filter-fields input").first
        expect(first_field).to_be_hidden()
        page.get_by_test_id("filter-toggle").click()
        expect(first_field).to_be_visible()

        name = page.locator(".unit-name").first
        font = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.unit-name')).fontSize)")
        box = name.bounding_box()
        assert box["width"] > 4 * font, f"the unit's name is {box['width']}px wide"
        assert box["height"] < 2.5 * font  # one line, not one character per line

        for name in (
            "units:unit-list",
            "inspections:inspection-list",
            "hazards:tip-list",
        ):  # the shared pieces
            page.goto(reverse(name))
            expect(page.get_by_test_id("filter-toggle")).to_be_visible()
            expect(page.locator("#list-filter-fields")).to_be_hidden()
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1, name
    finally:
        context.close()
