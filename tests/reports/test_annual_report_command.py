"""``flameblue annual-report``: the summary of an organization's year as Markdown, JSON or Word, from the
records or (``--saved``) as an officer last saved it; a wrong organization is named."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command
from docx import Document

from flameblue.reports.summary.services import create_report, save_edit
from tests.reports.summary_helpers import YEAR, hazard_2019

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command("annual_report", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_json_lists_every_figure_with_value_definition_and_filter(orgs, units, people):
    hazard_2019(units.mall, people.qiaocheng)
    data = json.loads(run("--year", str(YEAR), "--format", "json"))  # the one detachment by default
    assert data["organization"]["name"] == "亳州市消防救援支队" and data["version"] is None
    found = next(f for f in data["figures"] if f["code"] == "hazards.found")
    assert found["value"] == 1 and found["label"] == "发现火灾隐患" and found["unit"] == "处"
    assert found["filter"] == {"start": "2019-01-01", "end": "2019-12-31", "region": "3416", "region_name": "亳州市",
                               "records": "本区划内的全部记录（不受读者辖区限制）"}  # fmt: skip
    assert "全年排查整治火灾隐患1处" in data["blocks"][0]["text"]


def test_a_brigade_summary_of_its_county(orgs, units, people):
    hazard_2019(units.hospital, people.mengcheng)
    text = run("--year", str(YEAR), "--org", "谯城区消防救援大队")
    assert text.startswith("# 谯城区消防救援大队2019年度工作总结") and "全年排查整治火灾隐患0处" in text


def test_word_goes_to_a_file(orgs, tmp_path):
    target = tmp_path / "summary.docx"
    run("--year", str(YEAR), "--format", "docx", "--out", str(target))
    assert Document(str(target)).paragraphs[0].text == "亳州市消防救援支队2019年度工作总结"
    with pytest.raises(CommandError, match="--out"):
        run("--year", str(YEAR), "--format", "docx")


def test_saved_prints_the_officers_last_version(orgs, people):
    report = create_report(by=people.detachment, organization=orgs.detachment, year=YEAR)
    save_edit(report, by=people.detachment, title="支队2019年工作总结（送审稿）", blocks=[])
    assert run("--year", str(YEAR), "--saved").startswith("# 支队2019年工作总结（送审稿）")
    with pytest.raises(CommandError, match="没有保存过2020年度工作总结"):
        run("--year", "2020", "--saved")


def test_an_unknown_organization_is_named(orgs):
    with pytest.raises(CommandError, match="没有名为“火星支队”的"):
        run("--year", str(YEAR), "--org", "火星支队")
