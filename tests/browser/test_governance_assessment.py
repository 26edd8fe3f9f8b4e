"""Issue 12's journey in a browser: the city opens the county assessment; the Qiaocheng leader fills a
manual item with its evidence and submits the self-assessment; the city reviews (an adjusted score needs a
reason), completes both entries, publishes, and downloads the results as Word — which opens with the
ranking. The county leader then sees the county's standing on the home page."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document
from PIL import Image
from playwright.sync_api import expect

from flameblue.governance.assessment import services as a
from flameblue.governance.assessment.models import Assessment, AssessmentEntry
from flameblue.governance.models import AssessmentScheme
from tests.factories import DEFAULT_PASSWORD, persona
from tests.governance.conftest import scan

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


def _png() -> dict:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (200, 30, 30)).save(buffer, "PNG")
    return {"name": "专项行动方案.png", "mimeType": "image/png", "buffer": buffer.getvalue()}


def _self_assess_all_but(entry: AssessmentEntry, skip: str) -> None:
    for score in entry.scores.select_related("item").filter(a.HAND_SCORED).exclude(item__code=skip):
        a.item_self_assess(by=None, score=score, self_score=min(score.item.weight, 4), note="见附件",
                           evidence=[scan()])  # fmt: skip


def test_city_runs_the_county_assessment_end_to_end(browser_page, orgs, people):
    page = browser_page
    year = timezone.localdate().year - 1
    orgs.qiaocheng_gov.parent = orgs.city_gov
    orgs.qiaocheng_gov.save()
    orgs.mengcheng_gov.parent = orgs.city_gov
    orgs.mengcheng_gov.save()
    persona("qiaocheng_leader", orgs.qiaocheng_gov, "government_leader")
    scheme = AssessmentScheme.objects.get(code="county-government")

    _login(page, "city_leader")
    page.goto(reverse("governance:assessment-create"))
    page.fill("input[name=year]", str(year))
    page.select_option("select[name=organizer]", str(orgs.city_gov.pk))
    page.select_option("select[name=scheme]", str(scheme.pk))
    page.locator("select[name=assessed]").select_option(
        [str(orgs.qiaocheng_gov.pk), str(orgs.mengcheng_gov.pk)], force=True
    )
    with page.expect_navigation():
        page.locator("form:has(select[name=scheme]) [type=submit]").click()
    assessment = Assessment.objects.get(year=year)
    expect(page.locator("main")).to_contain_text("谯城区人民政府")
    _logout(page)

    county = assessment.entries.get(assessed=orgs.qiaocheng_gov)
    _self_assess_all_but(county, "A07")
    _login(page, "qiaocheng_leader")
    page.goto(reverse("governance:entry-detail", args=[county.pk]))
    with page.expect_navigation():
        page.get_by_role("link", name="A07").click()
    page.fill("input[name=self_score]", "9")  # more than the item's 5 points
    page.fill("textarea[name=note]", "冬春火灾防控专项行动")
    page.set_input_files("input[name=evidence]", _png())
    with page.expect_navigation():
        page.get_by_role("button", name="保存").click()
    expect(page.locator("main")).to_contain_text("自评得分应在 0 到")
    page.fill("input[name=self_score]", "4.5")
    page.set_input_files("input[name=evidence]", _png())
    with page.expect_navigation():
        page.get_by_role("button", name="保存").click()
    expect(page.locator("main")).to_contain_text("已保存")
    with page.expect_navigation():
        page.get_by_role("button", name="提交自评").click()
    expect(page.locator("main")).to_contain_text("自评已提交")
    _logout(page)

    other = assessment.entries.get(assessed=orgs.mengcheng_gov)
    _self_assess_all_but(other, "")
    a.entry_submit(by=None, entry=other)

    _login(page, "city_leader")
    page.goto(reverse("governance:assessment-detail", args=[assessment.pk]))
    with page.expect_navigation():
        page.get_by_role("button", name="截止自评，开始审核").click()
    page.goto(reverse("governance:entry-detail", args=[county.pk]))
    with page.expect_navigation():
        page.get_by_role("link", name="B04").click()
    page.fill("input[name=final_score]", "1")
    with page.expect_navigation():
        page.get_by_role("button", name="保存").click()
    expect(page.locator("main")).to_contain_text("调整得分须写明理由")
    page.fill("input[name=final_score]", "1")
    page.fill("textarea[name=reason]", "实地核查：专职消防队人员未配齐")
    with page.expect_navigation():
        page.get_by_role("button", name="保存").click()
    for entry in (county, other):
        page.goto(reverse("governance:entry-detail", args=[entry.pk]))
        with page.expect_navigation():
            page.get_by_role("button", name="完成该单位审核").click()
    page.goto(reverse("governance:assessment-detail", args=[assessment.pk]))
    with page.expect_navigation():
        page.get_by_role("button", name="公布考核结果").click()
    assessment.refresh_from_db()
    assert assessment.status == "published"
    county.refresh_from_db()
    expect(page.locator("main")).to_contain_text(county.grade)
    with page.expect_download() as download:
        page.get_by_role("link", name="导出 Word").click()
    text = "\n".join(p.text for p in Document(download.value.path()).paragraphs)
    tables = " ".join(c.text for t in Document(download.value.path()).tables for r in t.rows for c in r.cells)
    assert str(year) in text and "谯城区人民政府" in tables and county.grade in tables
    _logout(page)

    _login(page, "qiaocheng_leader")
    page.goto(reverse("core:dashboard"))
    expect(page.locator("main")).to_contain_text(f"第 {county.rank} / 2 名")
