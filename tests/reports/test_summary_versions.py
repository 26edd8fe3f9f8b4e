"""An officer's summary is saved in versions: editing saves the text as a new version with the figures
unchanged; refreshing takes the records' figures under the unchanged text and records which moved; a stale
edit is refused and saves nothing; every version is audited."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from flameblue.core.errors import ConcurrencyError, PermissionDeniedError
from flameblue.core.models import AuditEvent
from flameblue.reports.models import AnnualReport, VersionKind
from flameblue.reports.summary.output import as_markdown, summary_of
from flameblue.reports.summary.services import create_report, refresh_figures, save_edit
from tests.reports.summary_helpers import YEAR, block, hazard_2019, session_2019

pytestmark = pytest.mark.django_db

EDITED = "我们的训练班很成功：共举办{outreach.training_sessions}场次。本段是我写的。"


def edit(report, by, key, text, **kw):
    blocks = [{"key": key, "heading": block(report.latest, key)["heading"], "text": text}]
    return save_edit(report, by=by, title=kw.pop("title", report.title), blocks=blocks, **kw)


def test_edit_then_refresh_keeps_the_prose_and_flags_the_changed_figure(orgs, units, people):
    hazard_2019(units.mall, people.qiaocheng)
    session_2019(orgs.qiaocheng_gov)
    report = create_report(by=people.qiaocheng, organization=orgs.qiaocheng_brigade, year=YEAR)
    assert report.latest.number == 1 and report.latest.kind == VersionKind.DRAFTED

    edited = edit(report, people.qiaocheng, "support.education", EDITED, expected_version=report.version)
    assert edited.number == 2 and edited.figures == report.versions.get(number=1).figures

    session_2019(orgs.qiaocheng_gov, title="第二期消防安全责任制培训班")
    report.refresh_from_db()
    refreshed = refresh_figures(report, by=people.qiaocheng, expected_version=report.version)

    assert refreshed.number == 3 and refreshed.kind == VersionKind.REFRESHED
    assert refreshed.changed == {"outreach.training_sessions": ["1", "2"]}
    assert block(refreshed, "support.education")["text"] == EDITED
    text = as_markdown(summary_of(refreshed))
    assert "我们的训练班很成功：共举办2场次。本段是我写的。" in text
    assert "全年排查整治火灾隐患1处" in text


def test_a_refresh_with_nothing_new_changes_no_figure(orgs, people):
    report = create_report(by=people.detachment, organization=orgs.detachment, year=YEAR)
    assert refresh_figures(report, by=people.detachment).changed == {}


def test_a_stale_edit_is_refused_and_saves_nothing(orgs, people):
    report = create_report(by=people.qiaocheng, organization=orgs.qiaocheng_brigade, year=YEAR)
    seen = report.version
    edit(report, people.qiaocheng, "outlook", "第一个人的修改。", expected_version=seen)
    with pytest.raises(ConcurrencyError, match="已被 qiaocheng 于 .* 保存为新版本"):
        edit(report, people.qiaocheng, "outlook", "第二个人的修改。", expected_version=seen)
    assert report.versions.count() == 2
    assert block(report.latest, "outlook")["text"] == "第一个人的修改。"


def test_a_placeholder_naming_no_figure_is_refused_at_its_block(orgs, people):
    report = create_report(by=people.qiaocheng, organization=orgs.qiaocheng_brigade, year=YEAR)
    with pytest.raises(ValidationError) as exc:
        edit(report, people.qiaocheng, "outlook", "共有{hazards.lost}处。")
    assert exc.value.message_dict == {
        "text_outlook": [
            "“五、存在的不足和下一步工作打算”引用了不存在的统计指标 {hazards.lost}，请改正或删去该占位符。"
        ]
    }
    assert report.versions.count() == 1


def test_a_figure_quoted_after_an_edit_gets_its_value(orgs, units, people):
    hazard_2019(units.mall, people.qiaocheng)
    report = create_report(by=people.qiaocheng, organization=orgs.qiaocheng_brigade, year=YEAR)
    version = edit(report, people.qiaocheng, "outlook", "另有举报{hazards.tips}件，发现{hazards.found}处。")
    assert "另有举报0件，发现1处。" in as_markdown(summary_of(version))


def test_one_summary_per_organization_and_year_and_only_for_ones_own_region(orgs, people):
    create_report(by=people.qiaocheng, organization=orgs.qiaocheng_brigade, year=YEAR)
    with pytest.raises(ValidationError, match="已经存在"):
        create_report(by=people.qiaocheng, organization=orgs.qiaocheng_brigade, year=YEAR)
    with pytest.raises(PermissionDeniedError):
        create_report(by=people.qiaocheng, organization=orgs.mengcheng_brigade, year=YEAR)
    with pytest.raises(PermissionDeniedError):
        create_report(by=people.qiaocheng, organization=orgs.detachment, year=YEAR)
    with pytest.raises(ValidationError, match="年度须在 2000 至"):
        create_report(by=people.detachment, organization=orgs.detachment, year=1999)
    assert AnnualReport.objects.count() == 1


def test_every_version_is_audited(orgs, people):
    report = create_report(by=people.detachment, organization=orgs.detachment, year=YEAR)
    edit(report, people.detachment, "outlook", "改。")
    refresh_figures(report, by=people.detachment)
    rows = AuditEvent.objects.filter(object_type="reports.annualreport", object_id=str(report.pk)).order_by(
        "id"
    )
    assert [r.action for r in rows] == ["create", "update", "update"]
    assert rows[1].changes["edited"] == ["outlook"] and rows[2].changes["version"] == [2, 3]
    assert all(r.actor == people.detachment for r in rows)
