"""Issue 17's done-when on the Bozhou demo: ``flameblue annual-report --year 2019 --format json`` prints every
seed figure with the seed's value, its definition and filter, and its text states them; the Word file has the
three parts with the figures and the lists of campaigns, events and case reviews from the records."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from docx import Document

pytestmark = pytest.mark.django_db

SEED = {
    "hazards.listed_major": 13,
    "hazards.listed_prominent": 41,
    "outreach.roster_attendees": 739,
    "outreach.roster_sessions": 4,
    "outreach.materials_distributed": 20000,
    "community.partners": 46,
    "community.volunteer_teams": 11,
    "corps.merit_3": 5,
    "corps.commended_corps_or_above": 52,
    "corps.case_reviews": 2,
    "campaigns.launched": 5,
    "outreach.publicity_drives": 6,
    "outreach.education_base_kinds": 4,
    "events.secured": 4,
    "governance.assessments_published": 1,
}


def run(*args) -> str:
    out = io.StringIO()
    call_command("annual_report", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_the_json_summary_states_every_seed_figure(demo):
    data = json.loads(run("--year", "2019", "--format", "json"))
    figures = {f["code"]: f for f in data["figures"]}
    assert {code: figures[code]["value"] for code in SEED} == SEED
    assert figures["outreach.officials_trained"]["value"] >= 1000
    for code in SEED:
        assert figures[code]["cited"], code
        assert figures[code]["definition"] and figures[code]["filter"]["region"] == "3416"
    text = "".join(b["text"] for b in data["blocks"])
    for sentence in ("挂牌督办重大火灾隐患13处、区域性突出火灾隐患41处", "其中签到培训4次、739人", "与46家单位结成共建对子",
                     "组建学雷锋志愿服务队11支", "5人荣立个人三等功，52人次受到总队级以上表彰", "印发消防安全宣传资料20000册",
                     "建成4类消防科普教育基地", "全年开展6类集中宣传活动", "专项整治5项", "消防安保任务4项",
                     "组织完成2018年度消防工作考核1项"):  # fmt: skip
        assert sentence in text, sentence
    assert "谯城“3.22”" in text and "特勤“7.15”" in text and "战例研讨2次" in text
    assert "新中国成立70周年" in text and "世界制造业大会" in text


def test_the_word_summary_has_the_three_parts_with_the_figures(demo, tmp_path):
    target = tmp_path / "2019.docx"
    run("--year", "2019", "--format", "docx", "--out", str(target))
    paragraphs = [p.text for p in Document(str(target)).paragraphs]
    assert paragraphs[0] == "亳州市消防救援支队2019年度工作总结"
    parts = [p for p in paragraphs if p[:2] in ("一、", "二、", "三、")]
    assert [p[2:6] for p in parts] == ["坚持警地", "坚持拥政", "坚持履行"]
    body = "".join(paragraphs)
    assert "挂牌督办重大火灾隐患13处" in body and "{" not in body


def test_the_demo_holds_the_detachments_2019_summary(demo):
    from flameblue.reports.models import AnnualReport
    from flameblue.reports.summary.output import as_markdown, summary_of

    report = AnnualReport.objects.get(year=2019, organization__name="亳州市消防救援支队")
    assert report.latest.number == 1
    assert "挂牌督办重大火灾隐患13处、区域性突出火灾隐患41处" in as_markdown(summary_of(report.latest))
