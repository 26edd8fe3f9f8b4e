"""Issue 3's browser journey: a 谯城区 brigade inspector uploads a unit sheet with mistakes, reads each
problem by row and column on the job page, uploads the corrected sheet, imports it and finds the units in
the unit list."""

from __future__ import annotations

import pytest
from django.urls import reverse

from flameblue.units.models import Unit
from tests.factories import DEFAULT_PASSWORD
from tests.units.sheets.conftest import huey_immediate  # noqa: F401  (validation runs in the task queue)
from tests.units.sheets.sheets import xlsx

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("huey_immediate")]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SCREENSHOT = "/tmp/flameblue-unit-import.png"
NAME, CODE, TOWN, AREA = "单位名称*", "统一社会信用代码", "所在乡镇（街道）*", "建筑面积（㎡）"


def _rows(*, fixed: bool) -> list[dict]:
    return [
        {
            NAME: "亳州华佗大药房",
            CODE: "９１３４１６０００ＭＡ２Ｎ１２３４Ｅ",
            TOWN: "古井",
            AREA: "１２００",
        },
        {
            NAME: "谯城区第一幼儿园",
            CODE: "913416020MA2N5678F" if fixed else "913416020MA2N56780",
            TOWN: "花戏楼街道",
        },
        {NAME: "汤陵农贸市场", TOWN: "汤陵街道" if fixed else "汤陵镇子", AREA: 800 if fixed else -800},
    ]


def _login(page, username: str) -> None:
    page.goto(reverse("login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    with page.expect_navigation():
        page.locator("form:has(input[name=password]) [type=submit]").click()


def _upload(page, content: bytes) -> None:
    page.goto(reverse("units:import-upload"))
    page.set_input_files(
        "input[type=file][name=file]", {"name": "单位信息表.xlsx", "mimeType": XLSX, "buffer": content}
    )
    with page.expect_navigation():
        page.locator("form.js-import-upload [type=submit]").click()


def test_inspector_fixes_a_sheet_from_the_row_and_column_messages_and_imports_it(browser_page, people):
    page = browser_page
    _login(page, "qiaocheng")

    _upload(page, xlsx(_rows(fixed=False), title="谯城区社会单位统计表"))

    problems = page.locator("table.import-errors tbody tr")
    assert problems.count() == 3
    texts = [problems.nth(i).inner_text() for i in range(3)]
    assert "第4行" in texts[0] and "统一社会信用代码" in texts[0] and "校验位" in texts[0]
    assert "第5行" in texts[1] and "所在乡镇（街道）" in texts[1] and "汤陵镇子" in texts[1]
    assert "第5行" in texts[2] and "建筑面积（㎡）" in texts[2] and "负数" in texts[2]
    assert page.get_by_role("button", name="确认导入").count() == 0
    assert Unit.objects.count() == 0

    _upload(page, xlsx(_rows(fixed=True), title="谯城区社会单位统计表"))
    assert "校验通过" in page.locator("main").inner_text()
    with page.expect_navigation():
        page.get_by_role("button", name="确认导入").click()
    assert "导入完成：新增 3 个单位" in page.locator("main").inner_text()

    page.goto(reverse("units:unit-list"))
    listing = page.locator("main").inner_text()
    assert "亳州华佗大药房" in listing and "谯城区第一幼儿园" in listing and "汤陵农贸市场" in listing
    page.screenshot(path=SCREENSHOT, full_page=True)
    assert Unit.objects.filter(region__code__startswith="341602").count() == 3
