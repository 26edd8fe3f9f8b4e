"""Issue 5's whole loop in a browser: a 谯城区 brigade inspector confirms a found hazard and issues a notice, the
unit's manager reports completion with a photo, the inspector re-inspects and closes it — and the unit's
page, the brigade's hazard list and the county government's list all show it closed (已整改销案)."""

from __future__ import annotations

import io
import re

import pytest
from django.urls import reverse
from PIL import Image
from playwright.sync_api import expect

from flameblue.hazards import services
from flameblue.hazards.choices import HazardSource, HazardStatus
from flameblue.hazards.models import Hazard
from tests.factories import DEFAULT_PASSWORD, persona
from tests.units.factories import make_unit

pytestmark = pytest.mark.browser

CLOSED = "已整改销案"
DESCRIPTION = "二层东侧疏散通道堆放课桌椅"


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
    page.goto(reverse("core:dashboard"))
    expect(page).to_have_url(re.compile(r"/account/login/"))


def _photo(tmp_path) -> str:
    path = tmp_path / "整改后.png"
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 160, 60)).save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return str(path)


def _row(page, text: str):
    return page.locator("tr", has_text=text)


def test_inspector_confirms_unit_reports_completion_inspector_closes(browser_page, orgs, people, tmp_path):
    page = browser_page
    unit = make_unit(orgs.school, category="school", address="谯城区学府路1号")
    leader = persona("qiaocheng_leader", orgs.qiaocheng_gov, "government_leader")
    hazard = services.hazard_report(
        by=people.qiaocheng, unit=unit, description=DESCRIPTION, location="教学楼二层",
        source=HazardSource.SUPERVISION,
    )  # fmt: skip
    detail = reverse("hazards:hazard-detail", kwargs={"pk": hazard.pk})

    # 1. The brigade inspector confirms it with a grade and deadline; a numbered notice is issued.
    _login(page, people.qiaocheng.username)
    page.goto(detail)
    expect(page.get_by_role("heading", name=re.compile("已发现"))).to_be_visible()
    confirm = page.locator("#move-confirm")
    confirm.get_by_label("隐患等级").select_option(label="一般隐患")
    confirm.get_by_label("整改期限（天数）").fill("10")
    confirm.get_by_label("期限计算方式").select_option(label="自然日")
    confirm.get_by_label("整改期间防范措施").fill("设专人看守，保持通道畅通")
    expect(confirm.get_by_label("通知书已当场送达，开始整改")).to_be_checked()
    with page.expect_navigation():
        confirm.get_by_role("button", name="确认").click()
    expect(page.get_by_text("隐患已确认，整改通知书已签发。")).to_be_visible()
    hazard.refresh_from_db()
    assert hazard.status == HazardStatus.RECTIFYING and hazard.notice is not None
    assert re.fullmatch(r"亳谯消限字〔\d{4}〕第0001号", hazard.notice.number)
    expect(page.get_by_role("link", name=hazard.notice.number)).to_be_visible()
    _logout(page)

    # 2. The unit's manager reports completion with a photo on their unit's page.
    _login(page, people.unit_manager.username)
    page.goto(reverse("hazards:my-unit-hazards"))
    card = page.locator(".card", has_text=DESCRIPTION)
    card.get_by_label("整改后照片").set_input_files(_photo(tmp_path))
    card.get_by_label("整改情况说明").fill("课桌椅已搬离，通道已清理")
    with page.expect_navigation():
        card.get_by_role("button", name="报告整改完成").click()
    expect(page.get_by_text("已报告整改完成，等待复查。")).to_be_visible()
    expect(page.locator(".card", has_text=DESCRIPTION)).to_contain_text(
        "已报告整改完成，等待消防救援机构复查。"
    )
    hazard.refresh_from_db()
    assert hazard.status == HazardStatus.COMPLETION_REPORTED
    _logout(page)

    # 3. The inspector re-inspects, sees the photo, and closes it.
    _login(page, people.qiaocheng.username)
    page.goto(detail)
    expect(page.get_by_role("img", name="整改后.png")).to_be_visible()
    recheck = page.locator("#move-recheck")
    recheck.get_by_label("合格，销案").check()
    recheck.get_by_label("复查意见").fill("通道畅通，复查合格")
    with page.expect_navigation():
        recheck.get_by_role("button", name="保存复查结论").click()
    expect(page.get_by_text("复查结论已保存。")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile(CLOSED))).to_be_visible()
    hazard.refresh_from_db()
    assert hazard.status == HazardStatus.CLOSED and hazard.closed_at is not None

    # The brigade's hazard list shows it closed.
    page.goto(reverse("hazards:hazard-list"))
    expect(_row(page, DESCRIPTION)).to_contain_text(CLOSED)
    _logout(page)

    # 4. The unit's page shows it among the recently closed hazards.
    _login(page, people.unit_manager.username)
    page.goto(reverse("hazards:my-unit-hazards"))
    expect(page.get_by_text("本单位目前没有需要整改的隐患。")).to_be_visible()
    expect(page.locator("#closed-hazards").locator("tr", has_text=DESCRIPTION)).to_contain_text(CLOSED)
    _logout(page)

    # 5. The county government's leader sees it closed in the county's hazard list and on its page.
    _login(page, leader.username)
    page.goto(reverse("hazards:hazard-list"))
    expect(_row(page, DESCRIPTION)).to_contain_text(CLOSED)
    _row(page, DESCRIPTION).get_by_role("link").click()
    expect(page.get_by_role("heading", name=re.compile(CLOSED))).to_be_visible()
    expect(page.locator("main")).to_contain_text(hazard.notice.number)
    assert Hazard.objects.get(pk=hazard.pk).transitions.count() == 5
