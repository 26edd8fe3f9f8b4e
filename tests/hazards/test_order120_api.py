"""The 120号令 steps through the API as on the hazard page: a grid-reported hazard is verified (the notice
clock starts), a police station hands its case over, and a major hazard's 第二十一条 procedure is read,
its handling opinion recorded once, its 重大火灾隐患整改通知书 issued once (refused before the
determination) and downloaded as Word."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document

from flameblue.hazards.models import MajorHazardDetermination
from tests.dates import at_ten, frozen_on
from tests.hazards.lifecycle_helpers import report

pytestmark = [pytest.mark.date_sensitive, pytest.mark.django_db]

DAY = dt.date(2026, 3, 2)


@frozen_on(DAY)
def test_verify_and_hand_over_through_the_api(units, people, login):
    grid = report(units.mall, people.qiaocheng, source="township_grid")
    client = login(people.qiaocheng)
    verified = client.post(f"/api/v1/hazards/{grid.pk}/verify/", {"note": "已到场核实"},
                           content_type="application/json")  # fmt: skip
    assert verified.status_code == 200, verified.content
    grid.refresh_from_db()
    assert grid.verified_at is not None and grid.notice_due == dt.date(2026, 3, 5)
    again = client.post(f"/api/v1/hazards/{grid.pk}/verify/", {}, content_type="application/json")
    assert again.status_code == 409 and "已于" in again.json()["detail"]
    own = report(units.mall, people.qiaocheng)  # found by the brigade itself: nothing to verify
    refused = client.post(f"/api/v1/hazards/{own.pk}/verify/", {}, content_type="application/json")
    assert refused.status_code == 409 and "无需另行核实" in refused.json()["detail"]
    wrong = client.post(
        f"/api/v1/hazards/{own.pk}/hand-over/", {"reason": "移交"}, content_type="application/json"
    )
    assert wrong.status_code in (403, 409)


@frozen_on(DAY)
def test_the_major_hazard_procedure_through_the_api(units, people, login):
    hazard = report(units.mall, people.qiaocheng, grade="major", found_at=at_ten(dt.date(2026, 2, 27)))
    client = login(people.qiaocheng)
    url = f"/api/v1/hazards/{hazard.pk}/major-procedure/"
    proc = client.get(url).json()
    assert proc["opinion_due"] and proc["notice_due"] is None
    early = client.post(url + "notice/", {"deadline": "2026-06-30"}, content_type="application/json")
    assert early.status_code == 400 and "尚未经集体研究确定" in early.content.decode()
    opinion = client.post(
        url + "opinion/", {"opinion": "提请区政府挂牌督办"}, content_type="application/json"
    )
    assert opinion.status_code == 200 and opinion.json()["opinion_at"]
    twice = client.post(url + "opinion/", {"opinion": "改一下"}, content_type="application/json")
    assert twice.status_code == 400 and "不能修改" in twice.content.decode()

    MajorHazardDetermination.objects.create(
        hazard=hazard, standard="GB35181-2017", ruleset_version="test", decided_at=at_ten(DAY), is_major=True
    )
    issued = client.post(url + "notice/", {"deadline": "2026-06-30"}, content_type="application/json")
    assert issued.status_code == 200, issued.content
    number = issued.json()["notice_number"]
    assert number.startswith("亳谯消重改字〔2026〕")
    docx = client.get(url + "notice-docx/")
    text = "\n".join(p.text for p in Document(io.BytesIO(b"".join(docx.streaming_content)
                                                        if docx.streaming else docx.content)).paragraphs)  # fmt: skip
    assert docx.status_code == 200 and "重大火灾隐患整改通知书" in text
    assert login(people.mengcheng).get(url).status_code == 404
