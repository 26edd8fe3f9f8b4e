"""Issue 17's dashboards in a browser: the city's administrator sees this year's figures charted by month and
by county (drawn under the Content-Security-Policy, no inline script); clicking a month's bar opens the
records behind that figure for that month and the city."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from tests.factories import DEFAULT_PASSWORD
from tests.hazards.conftest import units  # noqa: F401
from tests.hazards.lifecycle_helpers import report

pytestmark = pytest.mark.browser


def _login(page, username: str) -> None:
    page.goto(reverse("login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    with page.expect_navigation():
        page.locator("form:has(input[name=password]) [type=submit]").click()


def _bar_centre(page, selector: str, index: int, value: float) -> tuple[float, float]:
    """Where on the page the middle of bar ``index`` (of height ``value``) of the chart in ``selector`` is."""
    page.locator(selector).scroll_into_view_if_needed()
    x, y = page.evaluate(
        """([sel, i, v]) => window.echarts.getInstanceByDom(document.querySelector(sel))
             .convertToPixel({ seriesIndex: 0 }, [i, v])""",
        [selector, index, value],
    )
    box = page.locator(selector).bounding_box()
    return box["x"] + x, box["y"] + y


def test_the_city_admin_clicks_a_month_and_lands_on_its_records(browser_page, units, people):  # noqa: F811
    now = timezone.now()
    month = timezone.localdate().month
    for unit in (units.mall, units.school, units.hospital):
        report(unit, people.qiaocheng if unit != units.hospital else people.mengcheng, found_at=now)
    page = browser_page
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    _login(page, "zhidui")
    page.goto(reverse("core:dashboard"))
    panel = page.get_by_test_id("figures-panel")
    expect(panel).to_contain_text("亳州市")
    months = "[data-testid=figure-chart-months]"
    expect(page.locator(months)).to_have_attribute("data-loaded", "hazards.found")
    expect(page.locator("[data-testid=figure-chart-regions]")).to_have_attribute(
        "data-loaded", "hazards.found"
    )
    assert page.locator(f"{months} canvas").count() == 1
    assert not [e for e in errors if "Content Security Policy" in e], errors
    for _attempt in range(4):  # a loaded machine may still be laying the chart out: aim again
        x, y = _bar_centre(page, months, month - 1, 1.5)
        page.mouse.move(x, y)  # ECharts finds the bar under the pointer on the move before the click
        page.wait_for_timeout(300)
        try:
            with page.expect_navigation(timeout=4000):
                page.mouse.click(x, y)
            break
        except PlaywrightTimeout:
            continue
    assert f"/reports/figures/hazards.found/?year={now.year}&month={month}&region=3416" in page.url
    expect(page.get_by_role("heading", level=1)).to_contain_text("发现火灾隐患：3 处")
    expect(page.get_by_test_id("period-month")).to_contain_text(f"{month}月")
