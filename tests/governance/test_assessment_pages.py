"""The assessment in the browser: the city opens it, the county leader fills an item with evidence and sees
only its own entry, a manual item without evidence comes back with the message, and the city reviews,
publishes and exports the results as Excel."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from flameblue.governance.assessment import services as a
from flameblue.governance.assessment.models import Assessment, ItemScore
from flameblue.governance.models import AssessmentScheme
from tests.governance.conftest import scan
from tests.governance.test_annual_assessment import fill

pytestmark = [pytest.mark.date_sensitive, pytest.mark.django_db]


def test_city_opens_county_fills_city_publishes_and_exports(frozen, client, login, people, orgs, gov):
    scheme = AssessmentScheme.objects.get(code="county-government")
    c = login(people.city_leader)
    response = c.post(reverse("governance:assessment-create"), {
        "year": 2025, "organizer": orgs.city_gov.pk, "scheme": scheme.pk,
        "assessed": [orgs.qiaocheng_gov.pk, orgs.mengcheng_gov.pk],
    })  # fmt: skip
    assessment = Assessment.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "governance:assessment-detail", args=[assessment.pk]
    )

    county = login(gov.qiaocheng_leader)
    listing = county.get(reverse("governance:assessment-list")).content.decode()
    assert "谯城区人民政府" in listing and "蒙城县人民政府" not in listing
    score = ItemScore.objects.get(entry__assessed=orgs.qiaocheng_gov, item__code="A07")
    url = reverse("governance:itemscore-detail", args=[score.pk])
    refused = county.post(url, {"self_score": "5", "note": "无附件"})
    assert refused.status_code == 400 and "须上传佐证材料" in refused.content.decode()
    assert county.post(url, {"self_score": "4.5", "note": "见方案", "evidence": scan()}).status_code == 302
    score.refresh_from_db()
    assert score.self_score == Decimal("4.5") and a.evidence_of(score).count() == 1
    assert county.get(reverse("governance:assessment-detail", args=[assessment.pk])).status_code == 404

    fill(assessment, orgs.qiaocheng_gov)
    fill(assessment, orgs.mengcheng_gov)
    c = login(people.city_leader)
    c.post(reverse("governance:assessment-review", args=[assessment.pk]))
    for entry in assessment.entries.all():
        c.post(reverse("governance:entry-complete", args=[entry.pk]))
    c.post(reverse("governance:assessment-publish", args=[assessment.pk]))
    assessment.refresh_from_db()
    assert assessment.status == "published"
    export = c.get(reverse("governance:assessment-export", args=[assessment.pk]))
    sheet = load_workbook(
        io.BytesIO(b"".join(export.streaming_content) if export.streaming else export.content)
    ).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("名次", "被考核单位", "总分", "等次") and len(rows) == 3
    assert {rows[1][1], rows[2][1]} == {"谯城区人民政府", "蒙城县人民政府"}
    word = c.get(reverse("governance:assessment-docx", args=[assessment.pk]))
    body = b"".join(word.streaming_content) if word.streaming else word.content
    text = "\n".join(
        cell.text for table in Document(io.BytesIO(body)).tables for row in table.rows for cell in row.cells
    )
    assert (
        "谯城区人民政府" in text
        and "蒙城县人民政府" in text
        and assessment.entries.filter(rank=1).first().grade in text
    )
