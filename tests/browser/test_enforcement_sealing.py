"""临时查封 in a browser: the 谯城区 inspector proposes a sealing from a hazard, the brigade's leader decides it
in a collective review (the inspector is not offered that form), the inspector serves and executes it, the
unit's lift application is checked on site, the leader lifts the seal, and both decisions download as Word."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from flameblue.enforcement.models import Sealing
from tests.enforcement.conftest import found_hazard, make_chiefs, make_units
from tests.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.browser


def _login(page, username: str) -> None:
    page.goto(reverse("login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    with page.expect_navigation():
        page.locator("form:has(input[name=password]) [type=submit]").click()
    expect(page.get_by_role("button", name="退出")).to_be_visible()


def _logout(page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="退出").click()


def _step(page, name: str, fields: dict[str, str]) -> None:
    form = page.locator(f"form[data-step='{name}']")
    for field, value in fields.items():
        form.locator(f"[name='{name}-{field}']").fill(value)
    with page.expect_navigation():
        form.locator("[type=submit]").click()


def test_propose_decide_serve_and_lift_a_sealing(browser_page, orgs, people):
    page = browser_page
    chiefs = make_chiefs(orgs)
    hazard = found_hazard(make_units(orgs).mall, people.qiaocheng)

    _login(page, "qiaocheng")
    page.goto(reverse("enforcement:sealing-create"))
    page.fill("input[name=hazard]", str(hazard.pk))
    page.select_option("select[name=ground]", "exits")
    page.fill("input[name=premises]", "负一层超市")
    page.fill("textarea[name=facts]", "安全出口锁闭，疏散通道堆放货物")
    with page.expect_navigation():
        page.get_by_role("button", name="提交").click()
    expect(page.locator("#status")).to_have_text("拟查封待研究")
    expect(page.locator("form[data-step='decide']")).to_have_count(0)
    detail = page.url
    _logout(page)

    _login(page, chiefs.qiaocheng.username)
    page.goto(detail)
    _step(
        page,
        "decide",
        {"participants": "张队长、王磊、李法制员", "opinion": "符合第二十二条第一项，决定查封"},
    )
    expect(page.locator("#status")).to_have_text("已决定待送达")
    expect(page.get_by_text("张队长、王磊、李法制员")).to_be_visible()
    _logout(page)

    _login(page, "qiaocheng")
    page.goto(detail)
    _step(page, "serve", {})
    expect(page.locator("#status")).to_have_text("决定书已送达")
    _step(page, "execute", {})
    expect(page.locator("#status")).to_have_text("查封中")
    _step(page, "request-lift", {"statement": "货物已清走，安全出口已开启"})
    _step(page, "check-lift", {"notes": "安全出口畅通，疏散通道无堆物"})
    expect(page.locator("#status")).to_have_text("检查合格待解除")
    expect(page.locator("form[data-step='lift']")).to_have_count(0)
    _logout(page)

    _login(page, chiefs.qiaocheng.username)
    page.goto(detail)
    _step(page, "lift", {})
    expect(page.locator("#status")).to_have_text("已解除")
    sealing = Sealing.objects.get()
    assert "封字" in sealing.decision_number and "解封字" in sealing.lift_number
    with page.expect_download() as download:
        page.get_by_role("link", name="解除临时查封决定书（Word）").click()
    assert download.value.suggested_filename.endswith(".docx")
