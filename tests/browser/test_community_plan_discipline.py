"""Issue 16's first slice in a browser: the political officer (zhidui_political) opens the plan-discipline
heat map and sees a pairing with a missing quarterly arrangement; the station adds it and the gap
disappears; an activity dated outside its plan's year is refused with a clear message; a volunteer's
service hours sum correctly on the certificate."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from flameblue.community import services, volunteers
from tests.community.conftest import kind, make_world
from tests.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def world(orgs, people):
    return make_world(orgs, people)


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


def _plan_missing_first_quarter(partner, today: dt.date):
    plan = services.plan_create(by=None, partner=partner, year=today.year, goals="国防教育进校园")
    for q in range(2, 5):
        services.quarter_arrange(by=None, plan=plan, quarter=q, content=f"第{q}季度安排")
    for m in range(1, today.month + 1):
        item = services.monthly_content_add(by=None, plan=plan, month=m, activity_type=kind("fire_publicity"),
                                            content="消防宣传")  # fmt: skip
        if m < today.month:
            services.activity_record(by=None, partner=partner, plan_item=item, activity_type=kind("fire_publicity"),
                                     title=f"{m}月宣传", held_on=dt.date(today.year, m, 10), place="学校")  # fmt: skip
    return plan, item


def test_gap_seen_by_political_office_is_filled_by_the_station(browser_page, world):
    page, today = browser_page, timezone.localdate()
    plan, item = _plan_missing_first_quarter(world.partner, today)

    _login(page, "zhidui_political")
    page.goto(reverse("community:plan-discipline"))
    due = page.locator("#due-list")
    expect(due).to_contain_text("亳州市第一中学")
    expect(due).to_contain_text("缺少季度安排：第1季度")
    _logout(page)

    _login(page, "qiaocheng_station")
    page.goto(reverse("community:plan-detail", args=[plan.pk]))
    form = page.locator(f"form[action='{reverse('community:plan-quarter-add', args=[plan.pk])}']")
    form.locator("select[name=quarter]").select_option("1")
    form.locator("textarea[name=content]").fill("春节走访慰问、消防宣传进校园")
    with page.expect_navigation():
        form.locator("[type=submit]").click()
    expect(page.get_by_text("春节走访慰问、消防宣传进校园")).to_be_visible()

    page.goto(f"{reverse('community:activity-create')}?partner={world.partner.pk}&plan_item={item.pk}")
    page.select_option("select[name=activity_type]", label="消防宣传")
    page.fill("input[name=title]", "跨年宣传")
    page.fill("input[name=held_on]", f"{today.year + 1}-01-05")
    page.fill("input[name=place]", "学校")
    with page.expect_navigation():
        page.get_by_role("button", name="保存").click()
    expect(page.locator(".invalid-feedback")).to_contain_text(
        re.compile(rf"不在所属计划的年度（{today.year} 年）内")
    )
    _logout(page)

    _login(page, "zhidui_political")
    page.goto(reverse("community:plan-discipline"))
    expect(page.locator("#due-list")).not_to_contain_text("缺少季度安排")


def test_certificate_shows_the_sum_of_a_volunteers_hours(browser_page, world):
    page, today = browser_page, timezone.localdate()
    team = volunteers.team_create(by=None, name="谯城站学雷锋志愿服务队", station=world.stations.qiaocheng,
                                  leader_name="李", founded_on=dt.date(2015, 3, 5))  # fmt: skip
    member = volunteers.member_add(
        by=None, team=team, name="刘芳", phone="13900001111", joined_on=dt.date(2020, 1, 1)
    )
    for day, hours in (
        (dt.date(today.year, 1, 2), "2.5"),
        (dt.date(today.year, 1, 3), "3"),
        (dt.date(today.year - 1, 5, 1), "8"),
    ):
        volunteers.service_record(
            by=None, team=team, served_on=day, title="义务劳动", hours=[(member, Decimal(hours))]
        )

    _login(page, "qiaocheng_station")
    page.goto(f"{reverse('community:member-certificate', args=[member.pk])}?year={today.year}")
    expect(page.locator("#total-hours")).to_have_text("5.5")
