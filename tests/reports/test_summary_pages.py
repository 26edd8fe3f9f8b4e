"""The 年度工作总结 pages: start a summary from the records, read it with each number linking to its records,
edit the text, refresh the figures (the changed number is marked and says what it was), and download Word,
Markdown and JSON; a reader sees only the summaries of their jurisdiction."""

from __future__ import annotations

import io
import json

import pytest
from django.urls import reverse
from docx import Document

from flameblue.reports.models import AnnualReport
from flameblue.reports.summary.services import create_report
from tests.reports.summary_helpers import YEAR, block, hazard_2019

pytestmark = pytest.mark.django_db


def test_an_officer_starts_edits_and_refreshes_a_summary(login, orgs, units, people):
    hazard_2019(units.mall, people.qiaocheng)
    client = login(people.qiaocheng)
    form = client.get(reverse("reports:annual-create")).content.decode()
    assert (
        "谯城区消防救援大队" in form and "蒙城县消防救援大队" not in form and "亳州市消防救援支队" not in form
    )

    created = client.post(
        reverse("reports:annual-create"), {"organization": orgs.qiaocheng_brigade.pk, "year": YEAR}
    )
    report = AnnualReport.objects.get()
    assert created.status_code == 302 and created["Location"] == report.get_absolute_url()

    page = client.get(report.get_absolute_url()).content.decode()
    records = (
        reverse("reports:figure-records", kwargs={"code": "hazards.found"}) + "?year=2019&amp;region=341602"
    )
    assert f'data-figure="hazards.found" href="{records}"' in page and "第1版" in page

    edit_url = reverse("reports:annual-edit", kwargs={"pk": report.pk})
    data = {
        "title": report.title,
        "expected_version": report.version,
        "text_outlook": "明年再接再厉，隐患{hazards.found}处。",
    }
    assert client.post(edit_url, data).status_code == 302

    hazard_2019(units.school, people.qiaocheng)
    report.refresh_from_db()
    refreshed = client.post(reverse("reports:annual-refresh", kwargs={"pk": report.pk}),
                            {"expected_version": report.version}, follow=True)  # fmt: skip
    html = refreshed.content.decode()
    assert "1 项数字有变化" in html and "发现火灾隐患（处）：1 → 2" in html
    assert "明年再接再厉，隐患" in html and "上一版为 1" in html and "figure-changed" in html


def test_a_stale_edit_keeps_the_typed_text_on_the_page(login, orgs, people):
    report = create_report(by=people.qiaocheng, organization=orgs.qiaocheng_brigade, year=YEAR)
    client = login(people.qiaocheng)
    url = reverse("reports:annual-edit", kwargs={"pk": report.pk})
    first = {"title": report.title, "expected_version": report.version, "text_outlook": "甲的修改"}
    assert client.post(url, first).status_code == 302
    second = client.post(url, {**first, "text_outlook": "乙花了一小时写的文字"})
    assert second.status_code == 409
    html = second.content.decode()
    assert "乙花了一小时写的文字" in html and "您的修改没有保存" in html
    report.refresh_from_db()
    assert block(report.latest, "outlook")["text"] == "甲的修改"


def test_an_unknown_placeholder_is_named_at_its_block(login, orgs, people):
    report = create_report(by=people.qiaocheng, organization=orgs.qiaocheng_brigade, year=YEAR)
    response = login(people.qiaocheng).post(
        reverse("reports:annual-edit", kwargs={"pk": report.pk}),
        {"title": report.title, "expected_version": report.version, "text_outlook": "共{hazard.found}处"},
    )
    assert response.status_code == 400
    assert "引用了不存在的统计指标 {hazard.found}" in response.content.decode()
    assert "共{hazard.found}处" in response.content.decode()


def test_the_downloads_carry_the_summary(login, orgs, units, people):
    hazard_2019(units.mall, people.qiaocheng)
    report = create_report(by=people.detachment, organization=orgs.detachment, year=YEAR)
    client = login(people.detachment)
    url = reverse("reports:annual-export", kwargs={"pk": report.pk})

    word = client.get(url, {"as": "docx"})
    assert word.status_code == 200 and "attachment" in word["Content-Disposition"]
    paragraphs = [p.text for p in Document(io.BytesIO(word.content)).paragraphs]
    assert paragraphs[0] == "亳州市消防救援支队2019年度工作总结"
    assert any(p.startswith("一、坚持警地联动") for p in paragraphs)
    assert any(p.startswith("二、坚持拥政爱民") for p in paragraphs)
    assert any(p.startswith("三、坚持履行使命") for p in paragraphs)
    assert any("全年排查整治火灾隐患1处" in p for p in paragraphs)
    assert not any("{" in p for p in paragraphs)

    data = json.loads(client.get(url, {"as": "json"}).content)
    found = next(f for f in data["figures"] if f["code"] == "hazards.found")
    assert found["value"] == 1 and found["cited"] and found["definition"]
    assert found["filter"]["region"] == "3416" and found["filter"]["start"] == "2019-01-01"
    assert data["version"]["number"] == 1

    markdown = client.get(url, {"as": "md"}).content.decode()
    assert markdown.startswith("# 亳州市消防救援支队2019年度工作总结") and "## 一、坚持警地联动" in markdown
    assert client.get(url, {"as": "pdf"}).status_code == 404


def test_the_word_file_uses_the_official_document_fonts(login, orgs, people):
    report = create_report(by=people.detachment, organization=orgs.detachment, year=YEAR)
    word = login(people.detachment).get(
        reverse("reports:annual-export", kwargs={"pk": report.pk}), {"as": "docx"}
    )
    document = Document(io.BytesIO(word.content))
    fonts = {}
    for paragraph in document.paragraphs:
        if paragraph.runs:
            east_asia = paragraph.runs[0]._element.rPr.rFonts.get(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia"
            )
            fonts.setdefault(paragraph.text[:2], east_asia)
    assert fonts["一、"] == "黑体" and fonts["（一"] == "楷体_GB2312" and fonts["20"] == "仿宋_GB2312"
    section = document.sections[0]
    assert round(section.top_margin.mm) == 37 and round(section.left_margin.mm) == 28


def test_a_reader_sees_only_their_jurisdictions_summaries(login, orgs, people):
    mine = create_report(by=people.qiaocheng, organization=orgs.qiaocheng_brigade, year=YEAR)
    theirs = create_report(by=people.mengcheng, organization=orgs.mengcheng_brigade, year=YEAR)
    client = login(people.qiaocheng)
    listing = client.get(reverse("reports:annual-list")).content.decode()
    assert mine.title in listing and theirs.title not in listing
    assert client.get(theirs.get_absolute_url()).status_code == 404
    assert (
        client.get(reverse("reports:annual-export", kwargs={"pk": theirs.pk}), {"as": "md"}).status_code
        == 404
    )


def test_an_earlier_version_can_be_read(login, orgs, people):
    report = create_report(by=people.qiaocheng, organization=orgs.qiaocheng_brigade, year=YEAR)
    client = login(people.qiaocheng)
    client.post(reverse("reports:annual-edit", kwargs={"pk": report.pk}),
                {"title": report.title, "expected_version": report.version, "text_outlook": "新的打算"})  # fmt: skip
    old = client.get(report.get_absolute_url(), {"version": 1}).content.decode()
    assert "不是最新版本" in old and "新的打算" not in old
    assert client.get(report.get_absolute_url(), {"version": 9}).status_code == 404
