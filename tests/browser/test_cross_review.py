"""Issue 15 (part A) in a browser: the discipline officer draws a cross-review sample of the 谯城 brigade's
files with a seed and sees it with its seed; the 蒙城 reviewer opens a drawn hazard, sees the computed answer
(the deadline has passed), records the problem as a finding, and the 谯城 inspector finds it in the brigade's
findings list."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from flameblue.integrity.supervision import services
from flameblue.integrity.supervision.models import CrossReview, SupervisionFinding
from tests.factories import DEFAULT_PASSWORD, persona
from tests.integrity.supervision.conftest import make_hazard
from tests.units.factories import make_unit

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


def test_a_sample_is_drawn_and_a_problem_becomes_the_brigades_finding(browser_page, orgs, people):
    page, today = browser_page, timezone.localdate()
    persona("zhidui_discipline", orgs.detachment, "discipline_officer")
    school = make_unit(orgs.school)
    make_hazard(school, orgs.qiaocheng_brigade, today - dt.timedelta(days=20), status="rectifying",
                deadline=today - dt.timedelta(days=2), description="疏散通道堵塞")  # fmt: skip
    activity = services.activity_create(
        by=None, organizer=orgs.detachment, kind="cross_review", title="消防执法网上交叉巡查", units=[],
        team=[people.mengcheng.person], starts_on=today, ends_on=today,
    )  # fmt: skip

    _login(page, "zhidui_discipline")
    page.goto(reverse("integrity:activity-detail", args=[activity.pk]))
    form = page.locator("#draw-form")
    form.locator("select[name=brigade]").select_option(label="谯城区消防救援大队")
    form.locator("input[name=period_start]").fill(str(today - dt.timedelta(days=30)))
    form.locator("input[name=period_end]").fill(str(today))
    form.locator("input[name=sample_size]").fill("5")
    form.locator("input[name=seed]").fill("20260401")
    with page.expect_navigation():
        form.locator("[type=submit]").click()
    expect(page.locator("#seed")).to_have_text("20260401")
    expect(page.locator("#sample")).to_contain_text("疏散通道堵塞")
    assert CrossReview.objects.get().seed == 20260401
    _logout(page)

    _login(page, "mengcheng")
    page.goto(reverse("integrity:cross-review-detail", args=[CrossReview.objects.get().pk]))
    with page.expect_navigation():
        page.locator("#sample a").first.click()
    expect(page.locator("#checks")).to_contain_text("不符合")  # the computed answer: the deadline has passed
    form = page.locator("#finding-form")
    form.locator("textarea[name=description]").fill("隐患逾期未整改，未依法督促")
    form.locator("input[name=deadline]").fill(str(today + dt.timedelta(days=15)))
    with page.expect_navigation():
        form.locator("[type=submit]").click()
    expect(page.locator("#findings")).to_contain_text("隐患逾期未整改，未依法督促")
    expect(page.locator("#findings")).to_contain_text("谯城区消防救援大队")
    _logout(page)

    _login(page, "qiaocheng")
    page.goto(reverse("integrity:finding-list"))
    expect(page.locator("#findings")).to_contain_text("隐患逾期未整改，未依法督促")
    finding = SupervisionFinding.objects.get()
    assert finding.responsible == orgs.qiaocheng_brigade and finding.status == "open"
