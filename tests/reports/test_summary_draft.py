"""The draft of an annual summary is written from the records of the organization's region and year: each
figure in the text is a placeholder that shows that region's count, lists name the records, and a
brigade's draft of its county counts only that county."""

from __future__ import annotations

import pytest

from flameblue.reports.summary.output import as_markdown, summary_of
from flameblue.reports.summary.services import draft
from tests.reports.summary_helpers import YEAR, hazard_2019

pytestmark = pytest.mark.django_db


def test_the_draft_counts_the_regions_records_of_the_year(orgs, units, people):
    hazard_2019(units.mall, people.qiaocheng)
    hazard_2019(units.school, people.qiaocheng)
    hazard_2019(units.hospital, people.mengcheng)  # 蒙城县

    city = as_markdown(summary_of(draft(orgs.detachment, YEAR)))
    county = as_markdown(summary_of(draft(orgs.qiaocheng_brigade, YEAR)))
    other_year = as_markdown(summary_of(draft(orgs.qiaocheng_brigade, 2020)))

    assert "# 亳州市消防救援支队2019年度工作总结" in city
    assert "全年排查整治火灾隐患3处" in city
    assert "全年排查整治火灾隐患2处" in county and "谯城区各级政府" in county
    assert "全年排查整治火灾隐患0处" in other_year


def test_the_drafts_text_keeps_placeholders_and_the_three_parts(orgs, units, people):
    hazard_2019(units.mall, people.qiaocheng)
    text = draft(orgs.qiaocheng_brigade, YEAR)
    opening = text.blocks[0]["text"]
    assert "{hazards.found}" in opening and text.figures["hazards.found"] == "1"
    headings = [b["heading"] for b in text.blocks if b["level"] == 1]
    assert [h[:2] for h in headings] == ["一、", "二、", "三、", "四、", "五、"]
    assert "警地联动" in headings[0] and "拥政爱民" in headings[1] and "履行使命" in headings[2]
    assert "存在的不足和下一步" in headings[4]
    assert len(text.figures) >= 30  # every registered figure, cited or not


def test_a_sentence_about_nothing_is_left_out(orgs):
    text = as_markdown(summary_of(draft(orgs.qiaocheng_brigade, YEAR)))
    assert "专项整治0项" not in text and "战例研讨" not in text
    assert "本年度暂无记功和总队级以上表彰" in text
