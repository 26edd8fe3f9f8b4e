"""Readiness checks: an answer for every item of the current checklist version (kept on the check), a
finding with its corrective action for every item found wanting; findings reported with evidence and closed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from flameblue.core.errors import DomainError
from flameblue.corps.readiness import services
from flameblue.corps.readiness.checklists import checklist_rows
from flameblue.corps.readiness.models import ReadinessCheck, ReadinessChecklist, ReadinessFinding
from tests.corps.subdomains import evidence

pytestmark = pytest.mark.django_db


def test_the_checklists_are_loaded_from_the_versioned_file():
    version, rows = checklist_rows()
    loaded = ReadinessChecklist.objects.filter(is_active=True)
    assert {c.code: c.version for c in loaded} == {r["code"]: version for r in rows}
    assert {c.get_kind_display() for c in loaded} == {"执勤作战大检查", "百日安全创建"}


def test_an_item_found_wanting_needs_a_finding_and_nothing_is_saved_without(cw):
    codes = [i["code"] for i in cw.checklist.items]
    before = ReadinessCheck.objects.count()
    with pytest.raises(DomainError, match="不符合，请填写存在的问题和整改措施"):
        services.check_create(by=None, checklist=cw.checklist, station=cw.station, checked_on=dt.date(2026, 5, 1),
                              inspectors="王参谋", answers={c: "pass" for c in codes} | {codes[4]: "fail"})  # fmt: skip
    with pytest.raises(DomainError, match="以下项目未作答"):
        services.check_create(by=None, checklist=cw.checklist, station=cw.station, checked_on=dt.date(2026, 5, 1),
                              inspectors="王参谋", answers={codes[0]: "pass"})  # fmt: skip
    assert ReadinessCheck.objects.count() == before


def test_the_detachment_records_a_check_on_the_page(cw, people, login):
    client = login(people.detachment)
    url = f"{reverse('corps:readiness-create')}?checklist={cw.checklist.pk}"
    assert "执勤作战大检查" in client.get(url).content.decode()
    answers = {f"answer_{i['code']}": "pass" for i in cw.checklist.items}
    answers["answer_ba-check"] = "fail"
    data = {"station": cw.station.pk, "checked_on": "2026-05-06", "inspectors": "王参谋、刘参谋", **answers}
    refused = client.post(url, data)
    assert refused.status_code == 200 and "请填写存在的问题" in refused.content.decode()
    data.update(
        {"problem_ba-check": "气瓶压力不足", "task_ba-check": "充气并建立检查记录", "due_on": "2026-05-20"}
    )
    response = client.post(url, data)
    check = ReadinessCheck.objects.get(checked_on=dt.date(2026, 5, 6))
    assert response.status_code == 302 and check.rules_version == cw.checklist.version
    finding = check.findings.get()
    assert (finding.item_code, finding.owner, finding.status) == ("ba-check", cw.station, "open")
    assert "充气并建立检查记录" in client.get(check.get_absolute_url()).content.decode()


def test_a_finding_is_reported_with_evidence_and_closed_by_the_detachment(cw, people, login):
    report = reverse("corps:finding-report", args=[cw.finding.pk])
    assert login(people.mengcheng).post(report, {"report": "已改", "evidence": evidence()}).status_code == 404
    assert login(people.qiaocheng).post(report, {"report": "已改", "evidence": evidence()}).status_code == 302
    page = (
        login(people.detachment).get(reverse("corps:finding-detail", args=[cw.finding.pk])).content.decode()
    )
    assert "整改照片.png" in page and "验收销号" in page
    login(people.detachment).post(
        reverse("corps:finding-close", args=[cw.finding.pk]), {"reason": "复查合格"}
    )
    assert ReadinessFinding.objects.get(pk=cw.finding.pk).status == "closed"


def test_the_findings_list_shows_only_the_overdue_when_asked(cw, people, login):
    ReadinessFinding.objects.filter(pk=cw.finding.pk).update(overdue_since=dt.date(2026, 3, 18))
    rows = (
        login(people.qiaocheng).get(reverse("corps:finding-list"), {"overdue": "yes"}).context["object_list"]
    )
    assert [f.pk for f in rows] == [cw.finding.pk]
