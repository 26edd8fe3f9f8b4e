"""Issue 17's summary journey in a browser: the detachment drafts its 2019 summary from the records, edits a
paragraph, a 谯城区 brigade officer records one more training session of 2019, the detachment refreshes the
figures, and sees the training-session figure flagged as changed while the paragraph it wrote stays word for
word; the Word download reads back with the new number."""

from __future__ import annotations

import pytest
from django.urls import reverse
from docx import Document
from playwright.sync_api import expect

from flameblue.reports.models import AnnualReport
from tests.factories import DEFAULT_PASSWORD
from tests.reports.summary_helpers import session_2019

pytestmark = pytest.mark.browser

MINE = "全年举办消防安全责任制培训{outreach.training_sessions}场次，这是我们亲手改写的一句话。"


def _login(page, username: str) -> None:
    page.context.clear_cookies()
    page.goto(reverse("login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    with page.expect_navigation():
        page.locator("form:has(input[name=password]) [type=submit]").click()


def test_edit_add_a_training_session_refresh_and_the_changed_figure_is_flagged(browser_page, orgs, people):
    page = browser_page
    session_2019(orgs.qiaocheng_gov)

    # 1. The detachment drafts its 2019 summary.
    _login(page, people.detachment.username)
    page.goto(reverse("reports:annual-list"))
    page.get_by_role("link", name="撰写总结").click()
    page.get_by_label("单位").select_option(label=orgs.detachment.name)
    page.get_by_label("年度").fill("2019")
    with page.expect_navigation():
        page.get_by_role("button", name="生成初稿").click()
    expect(page.locator("[data-testid=version-badge]")).to_have_text("第1版")
    text = page.locator("[data-testid=summary-text]")
    expect(text).to_contain_text("举办宣贯会、专题培训1场次")
    report = AnnualReport.objects.get()

    # 2. It rewrites the training paragraph in its own words, keeping the figure placeholder.
    page.get_by_role("link", name="编辑文字").click()
    page.get_by_label("（二）抓好政治教育培训。").fill(MINE)
    with page.expect_navigation():
        page.get_by_role("button", name="保存为新版本").click()
    expect(page.locator("[data-testid=version-badge]")).to_have_text("第2版")
    expect(text).to_contain_text("全年举办消防安全责任制培训1场次，这是我们亲手改写的一句话。")

    # 3. A brigade officer records one more training session of 2019 through its page.
    _login(page, people.qiaocheng.username)
    page.goto(reverse("outreach:session-create"))
    page.get_by_label("培训主题").fill("第二期消防安全责任制专题培训班")
    page.get_by_label("培训类型").select_option(index=1)
    page.get_by_label("组织单位").select_option(label=orgs.qiaocheng_gov.name)
    page.get_by_label("培训日期").fill("2019-11-08")
    page.get_by_label("培训地点").fill("谯城区政府会议中心")
    page.get_by_label("参训人数（无花名册时）").fill("80")
    with page.expect_navigation():
        page.get_by_role("button", name="保存").click()
    expect(page.locator("main")).to_contain_text("第二期消防安全责任制专题培训班")

    # 4. The detachment refreshes the figures: the number moves, it is flagged, the words stay.
    _login(page, people.detachment.username)
    page.goto(report.get_absolute_url())
    with page.expect_navigation():
        page.get_by_role("button", name="刷新数据").click()
    expect(page.locator("[data-testid=version-badge]")).to_have_text("第3版")
    changed = page.locator("[data-testid=changed-figures]")
    expect(changed).to_contain_text("开展消防培训（次）")
    expect(changed).to_contain_text("1 → 2")
    expect(text).to_contain_text("全年举办消防安全责任制培训2（上一版为 1）场次，这是我们亲手改写的一句话。")
    flagged = page.locator('a.figure-changed[data-figure="outreach.training_sessions"]')
    expect(flagged.first).to_have_text("2")
    expect(page.locator(".figure-was").first).to_have_text("（上一版为 1）")

    # 5. The flagged number opens the records behind it; the Word file carries the new number.
    with page.expect_navigation():
        flagged.first.click()
    expect(page.locator("[data-testid=figure-records]")).to_contain_text("第二期消防安全责任制专题培训班")
    page.goto(report.get_absolute_url())
    with page.expect_download() as download:
        page.get_by_role("link", name="下载 Word").click()
    paragraphs = [p.text for p in Document(str(download.value.path())).paragraphs]
    assert "全年举办消防安全责任制培训2场次，这是我们亲手改写的一句话。" in paragraphs
