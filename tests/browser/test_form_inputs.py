"""Form inputs a new user touches first: radio buttons and checkboxes show their checked state (Bootstrap's
form-check markup, not ``form-control``), and date inputs keep their value (ISO, which ``<input type=date>``
requires) on the edit page and after a validation error."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.test_hazard_loop import _login
from tests.hazards.lifecycle_helpers import completion_reported, confirm, report
from tests.units.factories import make_unit

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def _looks_checked(locator) -> bool:
    """The browser draws a checked state: native appearance, or Bootstrap's filled form-check-input."""
    style = locator.evaluate(
        "el => { const s = getComputedStyle(el);"
        " return {appearance: s.appearance, bg: s.backgroundColor, image: s.backgroundImage}; }"
    )
    if style["appearance"] != "none":
        return True
    return style["image"] != "none" and style["bg"] not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_clicking_a_radio_or_checkbox_label_shows_it_checked(browser_page, orgs, people, viewport):
    page = browser_page
    unit = make_unit(orgs.school, category="school")
    hazard = completion_reported(unit, people.qiaocheng, people.unit_manager)
    _login(page, people.qiaocheng.username)
    page.set_viewport_size(viewport)

    page.goto(reverse("hazards:hazard-detail", kwargs={"pk": hazard.pk}))
    recheck = page.locator("#move-recheck")
    failed = recheck.get_by_label("不合格，重新限期整改")
    assert "form-control" not in (failed.get_attribute("class") or "")
    recheck.locator("label", has_text="不合格，重新限期整改").click()
    assert failed.is_checked() and _looks_checked(failed)

    page.goto(reverse("inspections:plan-create"))
    saturday = page.get_by_label("周六")
    assert not saturday.is_checked()
    page.locator("label", has_text="周六").click()
    assert saturday.is_checked() and _looks_checked(saturday)
    monday = page.get_by_label("周一")
    assert monday.is_checked() and _looks_checked(monday)


def test_date_inputs_keep_their_value_on_edit_and_after_an_error(browser_page, orgs, people):
    page = browser_page
    unit = make_unit(orgs.mall, category="shop")
    hazard = confirm(report(unit, people.qiaocheng), people.qiaocheng)
    found = hazard.found_at.astimezone(dt.timezone(dt.timedelta(hours=8))).date().isoformat()
    _login(page, people.qiaocheng.username)

    # The determination form opens with the hazard's 发现日期, and keeps it when no element is ticked.
    page.goto(reverse("hazards:determination-create", kwargs={"hazard_pk": hazard.pk}))
    found_on = page.get_by_label("发现日期")
    expect(found_on).to_have_value(found)
    found_on.fill("2026-12-07")
    form = page.locator("form:has(input[name=found_on])")
    form.evaluate("f => { f.noValidate = true; }")
    form.locator("[type=submit]").first.click()
    expect(page.locator(".invalid-feedback, .alert-danger").first).to_be_visible()
    expect(page.get_by_label("发现日期")).to_have_value("2026-12-07")

    # The plan form keeps its dates when it comes back with an error (no unit chosen).
    page.goto(reverse("inspections:plan-create"))
    page.get_by_label("计划名称").fill("12月第1周")
    page.get_by_label("开始日期").fill("2026-12-07")
    page.get_by_label("结束日期").fill("2026-12-13")
    form = page.locator("form:has(input[name=starts_on])")
    form.evaluate("f => { f.noValidate = true; }")  # let the server answer the missing units
    form.locator("[type=submit]").first.click()
    expect(page.get_by_text("请至少选择一个检查单位。")).to_be_visible()
    expect(page.get_by_label("开始日期")).to_have_value("2026-12-07")
    expect(page.get_by_label("结束日期")).to_have_value("2026-12-13")
