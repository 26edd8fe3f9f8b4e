"""Issue 14's done-when, case-review part, in a browser: the detachment records a case review of the
"3.22" deep-well rescue with a corrective action owned by a station; the deadline passes, ``flameblue sweep``
flags the action and escalates it to the station's brigade, who finds it in the inbox, marked overdue."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from flameblue.corps.incidents.models import CaseReview
from flameblue.corps.incidents.services import incident_create
from flameblue.org.choices import OrgKind
from tests.dates import at_ten, frozen_on
from tests.factories import DEFAULT_PASSWORD, PersonFactory, org, persona

pytestmark = [pytest.mark.browser, pytest.mark.date_sensitive, frozen_on(dt.date(2026, 3, 30))]


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


def test_a_case_review_action_goes_overdue_and_reaches_the_brigade(browser_page, orgs, people):
    page = browser_page
    station = org("谯城区特勤消防救援站", OrgKind.STATION, "341602", parent=orgs.qiaocheng_brigade)
    commander = persona("teqin_commander", station, "station_commander")
    rescuer = PersonFactory(organization=station, name="刘鹏")
    incident = incident_create(by=None, data={
        "title": "谯城“3.22”深井救援", "kind": "rescue", "called_at": at_ten(dt.date(2026, 3, 22)),
        "region_id": "341602100", "address": "古井镇废弃机井", "stations": [station], "rescued": 1,
    })  # fmt: skip

    _login(page, "zhidui")
    page.goto(reverse("corps:incident-detail", args=[incident.pk]))
    with page.expect_navigation():
        page.get_by_role("link", name="组织战例研讨").click()
    page.fill("input[name=held_on]", "2026-03-30")
    page.locator("select[name=participants]").select_option([str(rescuer.pk)], force=True)
    page.fill("textarea[name=went_well]", "到场迅速，持续向井下供氧")
    page.fill("textarea[name=went_wrong]", "缺少狭小空间救援器材")
    page.fill("textarea[name=lessons]", "深井救援按专门编成调派")
    page.select_option("select[name=owner]", str(station.pk))
    page.fill("textarea[name=task]", "配齐井下视频探头和救援三脚架")
    page.fill("input[name=due_on]", "2026-04-15")
    with page.expect_navigation():
        page.get_by_role("button", name="保存").click()
    actions = page.get_by_test_id("actions")
    expect(actions).to_contain_text("配齐井下视频探头和救援三脚架")
    expect(actions).to_contain_text("整改中")
    expect(actions).not_to_contain_text("逾期")
    action = CaseReview.objects.get(incident=incident).actions.get()
    _logout(page)

    with time_machine.travel(at_ten(dt.date(2026, 4, 16)), tick=False):
        call_command("sweep", "--only", "corps_actions")
        call_command("sweep", "--only", "corps_actions")  # a second run sends nothing twice
        _login(page, "qiaocheng")
        page.goto(reverse("core:inbox"))
        expect(page.locator("main")).to_contain_text(
            "【整改逾期】谯城区特勤消防救援站：配齐井下视频探头和救援三脚架"
        )
        page.goto(reverse("corps:review-action-detail", args=[action.pk]))
        expect(page.locator("h1").first).to_contain_text("逾期")
        expect(page.locator("main")).to_contain_text("已升级 1 级")
    assert commander.notifications.filter(subject__startswith="【整改逾期】").count() == 1
