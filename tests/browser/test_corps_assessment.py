"""Issue 14's done-when in a browser: the month's assessment team enters results for one station on a phone
(390×844); the ranking on the page updates with each result; a bad time ("12:75") is refused with a clear
message and nothing is saved; publishing (公示) puts the month on the public page, which anyone opens
without logging in and which shows stations, items and scores but no names, phones or ID numbers."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from flameblue.corps import services
from flameblue.corps.models import AssessmentItem, AssessmentPlan, AssessmentResult
from tests.corps.conftest import make_corps
from tests.factories import DEFAULT_PASSWORD, make_id_number, persona

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def _login(page, username: str) -> None:
    page.goto(reverse("login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    with page.expect_navigation():
        page.locator("form:has(input[name=password]) [type=submit]").click()


def _enter(page, *, item: str, member: str, raw: str) -> None:
    page.select_option("select[name=item]", label=item)
    page.select_option("select[name=member]", label=member)
    page.fill("input[name=raw]", raw)
    with page.expect_navigation():
        page.get_by_role("button", name="录入", exact=True).click()


def _ranking_row(page, station: str):
    return page.locator("#ranking tbody tr", has_text=station)


def test_the_team_enters_a_station_on_a_phone_and_publishes(chromium, live_server, transactional_db,
                                                            django_db_serialized_rollback, orgs):  # fmt: skip
    corps = make_corps(orgs)
    person = corps.members["张伟"].person
    person.id_number = id_number = make_id_number(7)
    person.save()
    persona("training_chief", orgs.detachment, "detachment_admin", name="李科长")
    today = timezone.localdate()
    plan = services.plan_create(
        by=None, organizer=orgs.detachment, month=today.replace(day=1), held_on=today,
        team="支队司令部训练科 李科长（组长）、王参谋", stations=[corps.tegin, corps.xincheng, corps.mengcheng],
        items=list(AssessmentItem.objects.filter(code__in=["run-3000m", "bar-rollup"], is_active=True)),
    )  # fmt: skip
    context = chromium.new_context(base_url=live_server.url, locale="zh-CN", viewport=PHONE)
    context.set_default_timeout(15_000)
    try:
        page = context.new_page()
        _login(page, "training_chief")
        page.goto(reverse("corps:result-entry", args=[plan.pk]) + f"?station={corps.tegin.pk}")
        expect(page.locator("select[name=station]")).to_have_value(str(corps.tegin.pk))
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1

        _enter(page, item="3000米跑", member="张伟（一班）", raw="12'30\"")
        expect(page.locator(".alert-success")).to_contain_text("得分 100")
        expect(_ranking_row(page, "特勤站")).to_contain_text("100.0")
        expect(page.locator("#ranking tbody tr").first).to_contain_text("特勤站")
        _enter(page, item="单杠卷身上", member="李强（一班）", raw="14")
        expect(page.locator(".alert-success")).to_contain_text("单杠卷身上")
        first_total = _ranking_row(page, "特勤站").locator("td").last.inner_text()

        saved = AssessmentResult.objects.count()
        page.select_option("select[name=item]", label="3000米跑")
        page.select_option("select[name=member]", label="李强（一班）")
        page.fill("input[name=raw]", "12:75")
        page.get_by_role("button", name="录入", exact=True).click()
        expect(page.get_by_text("秒数须小于 60")).to_be_visible()
        assert AssessmentResult.objects.count() == saved
        expect(page.locator("input[name=raw]")).to_have_value("12:75")
        assert _ranking_row(page, "特勤站").locator("td").last.inner_text() == first_total
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1

        page.goto(reverse("corps:plan-detail", args=[plan.pk]))
        with page.expect_navigation():
            page.get_by_role("button", name="公示考核结果").click()
        expect(page.locator(".alert-success")).to_contain_text("已公示")
        plan.refresh_from_db()
        assert plan.status == "published"

        public = chromium.new_context(base_url=live_server.url, locale="zh-CN", viewport=PHONE)
        try:
            anonymous = public.new_page()
            anonymous.goto(reverse("corps:public-plan-list"))
            with anonymous.expect_navigation():
                anonymous.get_by_role("link", name=plan.title).click()
            expect(_ranking_row(anonymous, "特勤站")).to_contain_text(first_total)
            expect(anonymous.locator("#ranking tbody tr").first).to_contain_text("特勤站")
            body = anonymous.locator("body").inner_text() + anonymous.content()
            for secret in ["张伟", "李强", "王磊", "1385567", "****", id_number, id_number[-4:] + "<"]:
                assert secret not in body, f"the public page shows {secret!r}"
            assert anonymous.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
        finally:
            public.close()
    finally:
        context.close()
    assert AssessmentPlan.objects.get(pk=plan.pk).results.count() == 2
