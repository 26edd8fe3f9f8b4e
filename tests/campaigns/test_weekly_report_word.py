"""The weekly progress report also comes as Word, with the same figures as the Excel one (totals, by
township, by assignee, the targets, the campaign's facts); the download is audited."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from flameblue.campaigns import services, work
from flameblue.campaigns.reports import weekly_report_docx, weekly_report_xlsx
from flameblue.core.models import AuditEvent
from flameblue.inspections.choices import InspectionKind
from tests.campaigns.conftest import DAY, prepare
from tests.dates import frozen_on
from tests.hazards.lifecycle_helpers import report
from tests.inspections.planning.fixtures import submitted

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive, frozen_on(DAY)]


@pytest.fixture
def ebike(orgs, people, estates):
    campaign = prepare(orgs.qiaocheng_brigade, people.qiaocheng, kind="ebike")
    services.assignment_add(campaign=campaign, assignee=orgs.huaxilou_gov, by=people.qiaocheng)
    campaign = services.campaign_launch(campaign=campaign, by=people.qiaocheng)
    submitted(estates.lanting, InspectionKind.CAMPAIGN, DAY)
    report(estates.lanting, people.qiaocheng, source="campaign", description="楼道内电动自行车充电")
    work.record_save(target=campaign.targets.get(unit=estates.lanting), by=people.qiaocheng,
                     facts={"flying_lead_cases": 2, "letters_signed": 80})  # fmt: skip
    return campaign


def _docx_tables(content: bytes) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in t.rows] for t in Document(io.BytesIO(content)).tables]


def _xlsx_tables(content: bytes) -> list[list[list[str]]]:
    book = load_workbook(io.BytesIO(content))
    sheets = [[["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]
              for ws in book.worksheets]  # fmt: skip
    return [sheets[0][5:], *sheets[1:]]  # the summary sheet's table starts under the heading lines


def test_word_and_excel_show_the_same_figures(ebike, people):
    docx_tables = _docx_tables(weekly_report_docx(ebike, people.qiaocheng, DAY))
    assert docx_tables == _xlsx_tables(weekly_report_xlsx(ebike, people.qiaocheng, DAY))
    header, total = docx_tables[0]
    assert header[-5:] == [
        "楼道停放充电（处）",
        "飞线充电（起）",
        "飞线充电已整改（起）",
        "新建充电桩（个）",
        "签订承诺书（份）",
    ]
    assert total[1:3] == ["3", "1"] and total[5] == "1"  # 3 targets, 1 checked, 1 hazard
    assert total[-4] == "2" and total[-1] == "80"
    targets = {row[0]: row for row in docx_tables[3][1:]}
    assert targets["兰亭小区"][3] == "是" and targets["新华苑"][3] == "否"


def test_word_download_is_audited(ebike, people, client):
    client.force_login(people.qiaocheng)
    response = client.get(reverse("campaigns:campaign-weekly-report-docx", kwargs={"pk": ebike.pk}))
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/vnd.openxmlformats"
    )
    heading = Document(io.BytesIO(response.content)).paragraphs[0].text
    assert heading.startswith(ebike.name) and "周报" in heading
    assert AuditEvent.objects.filter(
        action="export", object_id=str(ebike.pk), changes__format="docx"
    ).exists()
