"""Issue 13's campaign test in a browser: the 谯城区 brigade prepares an electric-bicycle campaign over the
district's residential units (high-rise buildings and estates) and launches it, which freezes the three estates
as targets; an inspector starts the check of one estate from the campaign page (开始检查), fails one item and
submits, which records a hazard carrying the campaign; the campaign's progress page shows the estate checked
with a hazard, the estate's electric-bicycle facts are recorded and summed, and the weekly report downloaded as
Excel reads back the same figures."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from playwright.sync_api import expect

from flameblue.campaigns.models import Campaign
from flameblue.hazards.models import Hazard
from flameblue.inspections.models import Inspection
from tests.browser.test_inspection_offline import _answer, _wait_for
from tests.campaigns.conftest import estate
from tests.factories import DEFAULT_PASSWORD
from tests.units.factories import make_unit

pytestmark = pytest.mark.browser

NAME = "谯城区电动自行车消防安全综合治理"
FAULT = "一楼楼道内停放电动自行车并充电"


def _login(page, username: str) -> None:
    page.goto(reverse("login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    with page.expect_navigation():
        page.locator("form:has(input[name=password]) [type=submit]").click()
    expect(page.get_by_role("button", name="退出")).to_be_visible()


def _row(page, text: str):
    return page.locator("#targets tr", has_text=text)


def test_ebike_campaign_from_launch_to_weekly_report(browser_page, orgs, people, tmp_path):
    page = browser_page
    for name in ("兰亭小区", "新华苑"):
        estate(name)
    estate("古井花园", "341602100")
    make_unit(orgs.mall, place_type_id="mall")
    estate("蒙城县锦绣小区", "341622101")

    # 1. The brigade prepares the campaign over residential units, with the electric-bicycle facts.
    _login(page, people.qiaocheng.username)
    page.goto(reverse("campaigns:campaign-create"))
    page.get_by_label("整治名称").fill(NAME)
    page.get_by_label("级别").select_option(label="县级")
    page.get_by_label("组织单位").select_option(label=orgs.qiaocheng_brigade.name)
    page.locator("#id_place_types").select_option(["high_rise"], force=True)
    page.get_by_label("整治类别").select_option(label="电动自行车消防安全综合治理")
    page.get_by_label("检查单位目标数").fill("3")
    with page.expect_navigation():
        page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("专项整治已创建")).to_be_visible()

    # 2. Launching freezes the district's three estates as targets (not the mall, not 蒙城县's estate).
    with page.expect_navigation():
        page.get_by_role("button", name="启动专项整治").click()
    expect(page.get_by_text("专项整治已启动，整治对象名单已确定。")).to_be_visible()
    campaign = Campaign.objects.get(name=NAME)
    assert set(campaign.targets.values_list("unit__name", flat=True)) == {"兰亭小区", "新华苑", "古井花园"}
    expect(page.locator("#targets tbody tr")).to_have_count(3)

    # 3. The inspector checks 兰亭小区 from the campaign page and fails one item: a hazard is recorded.
    with page.expect_navigation():
        _row(page, "兰亭小区").get_by_role("button", name="开始检查").click()
    inspection = Inspection.objects.get()
    assert page.url.endswith(reverse("inspections:inspection-form", args=[inspection.pk]))
    assert inspection.context_id == str(campaign.pk) and inspection.kind == "campaign"
    items = {item.code: item for item in inspection.checklist.items.all()}
    codes = sorted(items)
    for code in codes[1:]:
        _answer(page, items, code, "pass")
    _answer(page, items, codes[0], "fail", note=FAULT)
    _wait_for(
        lambda: inspection.answers.count() == len(items) and inspection.answers.filter(note=FAULT).exists(),
        page,
    )
    page.fill("#id_inspector_name", "张检查")
    page.fill("#id_unit_representative_name", "物业经理王五")
    with page.expect_navigation():
        page.locator("#submit-button").click()
    assert page.url.endswith(reverse("inspections:inspection-detail", args=[inspection.pk]))
    hazard = Hazard.objects.get()
    assert hazard.unit.name == "兰亭小区" and hazard.source == "campaign"

    # 4. The campaign's page shows the estate checked with a hazard, in total and in its row.
    page.goto(reverse("campaigns:campaign-detail", args=[campaign.pk]))
    total = page.locator(".card", has_text="整治进度").locator("tbody tr").first
    expect(total).to_contain_text("1（33%）")
    row = _row(page, "兰亭小区")
    expect(row.locator("td").nth(3)).to_have_text("是")
    expect(row.locator("td").nth(4)).to_have_text("1")
    expect(_row(page, "新华苑").locator("td").nth(3)).to_have_text("否")

    # 5. The estate's electric-bicycle facts are recorded and summed on the page.
    with page.expect_navigation():
        row.get_by_role("link", name="整治情况").click()
    page.get_by_label("飞线充电（起）").fill("2")
    page.get_by_label("签订承诺书（份）").fill("86")
    with page.expect_navigation():
        page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("整治情况已登记。")).to_be_visible()
    header = page.locator(".card", has_text="整治进度").locator("thead th")
    expect(header.last).to_have_text("签订承诺书（份）")
    expect(
        page.locator(".card", has_text="整治进度").locator("tbody tr").first.locator("td").last
    ).to_have_text("86")

    # 6. The weekly report (Excel) reads back the same figures.
    with page.expect_download() as download:
        page.get_by_role("link", name="下载周报（Excel）").click()
    path = tmp_path / "周报.xlsx"
    download.value.save_as(path)
    assert re.search(r"周报_\d{8}\.xlsx$", download.value.suggested_filename)
    book = load_workbook(path)
    summary = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    assert summary[0][0] == NAME
    headers, totals = summary[5], summary[6]
    figures = dict(zip(headers, totals, strict=True))
    assert (figures["整治对象"], figures["已检查"], figures["隐患"], figures["发现隐患单位"]) == (3, 1, 1, 1)
    assert (figures["飞线充电（起）"], figures["签订承诺书（份）"]) == (2, 86)
    targets = {r[0]: r for r in book["整治对象"].iter_rows(min_row=2, values_only=True)}
    assert targets["兰亭小区"][3] == "是" and targets["兰亭小区"][4] == 1
    assert targets["新华苑"][3] == "否"
