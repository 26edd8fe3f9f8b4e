"""Issue 13's training sign-in journey in a browser: the 谯城区 brigade inspector uploads a session's sign-in
sheet with a bad row, reads the problem by row and column with nothing saved, uploads the corrected sheet
and finds the roster on the session's page (phones masked, a known official matched)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from flameblue.outreach.models import Attendee
from tests.factories import DEFAULT_PASSWORD, PersonFactory
from tests.outreach.conftest import XLSX, make_session, sheet_bytes

pytestmark = pytest.mark.browser

SCREENSHOT = "/tmp/flameblue-training-signin.png"


def _rows(*, fixed: bool) -> list[tuple]:
    return [
        ("高建军", "谯城区人民政府", "副区长", "13905581234", "党政领导"),
        ("李红", "谯城区教育局", "局长", "13605587788", "部门负责人"),
        (
            "赵卫东",
            "谯城区卫生健康委员会",
            "主任",
            "13705581111" if fixed else "1370558",
            "部门负责人" if fixed else "负责人",
        ),
    ]


def _login(page, username: str) -> None:
    page.goto(reverse("login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    with page.expect_navigation():
        page.locator("form:has(input[name=password]) [type=submit]").click()


def _upload(page, session, content: bytes) -> None:
    page.goto(reverse("outreach:signin-import", args=[session.pk]))
    page.set_input_files(
        "input[type=file][name=file]", {"name": "宣贯会签到表.xlsx", "mimeType": XLSX, "buffer": content}
    )
    with page.expect_navigation():
        page.locator("form.js-signin-upload [type=submit]").click()


def test_a_bad_sign_in_row_is_refused_by_row_and_column_then_the_fixed_sheet_is_imported(
    browser_page, orgs, people
):
    page = browser_page
    session = make_session(orgs.qiaocheng_gov)
    official = PersonFactory(name="高建军", organization=orgs.qiaocheng_gov, title="副区长（分管消防）")
    _login(page, "qiaocheng")

    _upload(page, session, sheet_bytes(_rows(fixed=False), title="谯城区消防安全责任制宣贯会签到表"))
    problems = page.locator("table.import-errors tbody tr")
    expect(problems).to_have_count(2)
    first, second = problems.nth(0).inner_text(), problems.nth(1).inner_text()
    assert "第5行" in first and "手机" in first and "11 位数字" in first
    assert "第5行" in second and "受众类别" in second and "无法识别“负责人”" in second
    assert "未导入任何人员" in page.locator("main").inner_text()
    assert Attendee.objects.count() == 0

    _upload(page, session, sheet_bytes(_rows(fixed=True), title="谯城区消防安全责任制宣贯会签到表"))
    expect(page.locator("main")).to_contain_text("签到表已导入：3 人列入花名册，其中 1 人与系统内人员匹配。")
    roster = page.locator("#roster tbody")
    expect(roster).to_contain_text("赵卫东")
    expect(roster).to_contain_text("137****1111")
    expect(page.locator("#attendance")).to_contain_text("花名册 3 人")
    page.screenshot(path=SCREENSHOT, full_page=True)
    assert Attendee.objects.get(name="高建军").person == official
    assert not Attendee.objects.filter(phone_masked__contains="05581111").exists()
