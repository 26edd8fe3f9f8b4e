"""《消防监督检查规定》（公安部令第120号）procedures: the three clocks counted in working days across the
Spring Festival of 2026 (15–23 February off, Saturday 14 and 28 February worked), verification before a
notice, one notice per supervision inspection, served notices never changed, the major-hazard notice."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone
from docx import Document

from flameblue.core.errors import DomainError
from flameblue.hazards import clocks, notices, procedure, services
from flameblue.hazards.choices import HazardSource, TipCategory
from flameblue.hazards.models import MajorHazardDetermination, Notice
from flameblue.hazards.services import IllegalTransition
from tests.dates import at_ten, frozen_on
from tests.hazards.lifecycle_helpers import report
from tests.inspections.planning.fixtures import submitted

pytestmark = pytest.mark.date_sensitive

FRI = dt.date(2026, 2, 13)  # the last working Friday before the Spring Festival holiday


def _found_on(unit, by, day, **kw):
    return report(unit, by, found_at=at_ten(day), **kw)


def _docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


# --- 第十九条: the notice within three working days of the inspection --------------------------------


@frozen_on(FRI)
def test_notice_is_due_three_working_days_after_the_inspection_across_the_spring_festival(units, people):
    hazard = _found_on(units.mall, people.qiaocheng, FRI)
    # Sat 14 Feb (make-up working day) = 1, holiday 15–23 Feb skipped, Tue 24 = 2, Wed 25 = 3
    assert hazard.notice_due == dt.date(2026, 2, 25)


@frozen_on(FRI)
def test_the_notice_clock_reminds_once_the_day_after_it_runs_out(units, people):
    hazard = _found_on(units.mall, people.qiaocheng, FRI)

    assert clocks.run_clocks("notice", today=dt.date(2026, 2, 25)).reminded == 0  # on the last day: in time
    assert clocks.run_clocks("notice", today=dt.date(2026, 2, 26)).reminded == 1
    assert clocks.run_clocks("notice", today=dt.date(2026, 2, 27)).reminded == 0  # once only
    hazard.refresh_from_db()
    assert hazard.notice_late_at is not None


@frozen_on(FRI)
def test_a_confirmed_hazard_has_its_notice_and_leaves_the_clock(units, people):
    hazard = _found_on(units.mall, people.qiaocheng, FRI)
    services.hazard_confirm(hazard=hazard, by=people.qiaocheng, grade="general", responsible_party="万达")

    assert not clocks.late("notice", dt.date(2026, 3, 31)).filter(pk=hazard.pk).exists()


@frozen_on(FRI)
def test_a_grid_hazard_is_verified_before_a_notice_and_its_clock_starts_then(units, people):
    hazard = _found_on(units.school, people.grid, dt.date(2026, 2, 10), source=HazardSource.TOWNSHIP_GRID)
    assert hazard.notice_due is None

    with pytest.raises(IllegalTransition) as exc:
        services.hazard_confirm(hazard=hazard, by=people.qiaocheng, grade="general", responsible_party="学校")
    assert "须先由消防救援机构核实" in exc.value.message

    hazard = services.hazard_verify(hazard=hazard, by=people.qiaocheng, note="到场核实属实")
    assert hazard.verified_by == people.qiaocheng
    assert hazard.notice_due == dt.date(2026, 2, 25)  # from the verification day, not the grid patrol
    with pytest.raises(IllegalTransition):
        services.hazard_verify(hazard=hazard, by=people.qiaocheng)
    hazard = services.hazard_confirm(
        hazard=hazard, by=people.qiaocheng, grade="general", responsible_party="学校"
    )
    assert hazard.notice is not None


def test_the_fire_agency_own_finding_needs_no_verification(units, people):
    hazard = report(units.mall, people.qiaocheng)
    with pytest.raises(IllegalTransition):
        services.hazard_verify(hazard=hazard, by=people.qiaocheng)


# --- 第十九条: one notice per supervision inspection, never changed once served ----------------------


def _served(unit, by):
    hazard = report(unit, by)
    return services.hazard_confirm(
        hazard=hazard, by=by, grade="general", responsible_party="万达", start=True
    )


def test_a_served_notice_is_not_changed_and_says_to_issue_a_new_one(units, people):
    first = _served(units.mall, people.qiaocheng)
    assert first.notice.served_at is not None
    second = report(units.mall, people.qiaocheng)

    with pytest.raises(DomainError) as exc:
        services.hazard_confirm(
            hazard=second, by=people.qiaocheng, grade="general", responsible_party="万达", notice=first.notice
        )
    assert "已于" in exc.value.message and "送达" in exc.value.message and "新的通知书" in exc.value.message


def test_a_failed_recheck_after_service_issues_a_new_notice_amending_the_served_one(units, people):
    hazard = _served(units.mall, people.qiaocheng)
    served = hazard.notice
    deadline_before = served.deadline

    hazard = services.hazard_recheck(hazard=hazard, by=people.qiaocheng, passed=False, note="仍堆放杂物")

    served.refresh_from_db()
    assert served.deadline == deadline_before  # the served notice keeps its text
    assert hazard.notice != served and hazard.notice.amends == served
    assert hazard.notice.number != served.number


def test_unserved_notice_still_takes_a_hazard(units, people):
    hazard = report(units.mall, people.qiaocheng)
    hazard = services.hazard_confirm(
        hazard=hazard, by=people.qiaocheng, grade="general", responsible_party="万达"
    )
    other = services.hazard_confirm(
        hazard=report(units.mall, people.qiaocheng), by=people.qiaocheng, grade="general",
        responsible_party="万达", notice=hazard.notice,
    )  # fmt: skip
    assert other.notice == hazard.notice


def test_one_original_notice_per_supervision_inspection(units, people):
    inspection = submitted(units.mall, "supervision", dt.date(2026, 3, 2))
    brigade = people.qiaocheng.person.organization
    first = notices.notice_issue(
        unit=units.mall, brigade=brigade, deadline=dt.date(2026, 4, 1), by=None, inspection=inspection
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        notices.notice_issue(
            unit=units.mall, brigade=brigade, deadline=dt.date(2026, 4, 1), by=None, inspection=inspection
        )
    amending = notices.notice_issue(
        unit=units.mall, brigade=brigade, deadline=dt.date(2026, 4, 8), by=None, inspection=inspection,
        amends=first,
    )  # fmt: skip
    assert notices.notice_current(inspection) == amending


# --- the legal basis of the notice --------------------------------------------------------------------


def test_the_notice_cites_articles_19_and_20_and_the_article_each_hazard_breaches(units, people):
    hazard = _served(units.mall, people.qiaocheng)  # 疏散通道堆放杂物 → 消防法第二十八条
    context = notices.notice_context(hazard.notice)

    assert "第十九条、第二十条" in context["legal_basis"]
    assert "第三十二条" not in context["legal_basis"]
    assert context["hazards"][0]["basis"] == "《中华人民共和国消防法》第二十八条"
    text = _docx_text(notices.notice_docx(hazard.notice, by=people.qiaocheng))
    assert "《中华人民共和国消防法》第二十八条" in text and "第十九条" in text and "第三十二条" not in text


def test_fault_kinds_map_to_the_articles_of_the_fire_law():
    from flameblue.hazards.order120 import fault_kind

    assert fault_kind(element="7.3.2").articles == ("第二十八条",)
    assert fault_kind(element="6.6").articles == ("第十六条",)
    assert fault_kind(text="厨房燃气管路老化").articles == ("第二十七条",)
    assert fault_kind(text="一楼住人，三合一场所").articles == ("第十九条",)
    assert fault_kind(text="无法归类的问题").code == "unit_duties"


# --- 第二十一条: handling opinion within 7, major-hazard notice within 3 working days --------------------


def _determine(hazard, day, *, experts=False):
    return MajorHazardDetermination.objects.create(
        hazard=hazard, standard="GB35181-2017", ruleset_version="test", decided_at=at_ten(day), is_major=True,
        expert_panel=[f"专家{i}" for i in range(7)] if experts else [],
    )  # fmt: skip


@frozen_on(FRI)
def test_major_hazard_opinion_due_seven_working_days_after_the_inspection(units, people):
    hazard = _found_on(units.mall, people.qiaocheng, FRI, grade="major")
    proc = hazard.major_procedure
    # 14 Feb, 24–28 Feb (5 days), 2 Mar = 7
    assert proc.opinion_due == dt.date(2026, 3, 2)
    assert proc.notice_due is None  # not determined yet

    assert clocks.run_clocks("opinion", today=dt.date(2026, 3, 2)).reminded == 0
    assert clocks.run_clocks("opinion", today=dt.date(2026, 3, 3)).reminded == 1
    assert clocks.run_clocks("opinion", today=dt.date(2026, 3, 3)).reminded == 0


@frozen_on(FRI)
def test_determination_starts_the_three_day_notice_clock_and_experts_add_ten(units, people):
    hazard = _found_on(units.mall, people.qiaocheng, FRI, grade="major")
    _determine(hazard, dt.date(2026, 2, 27))
    procedure.procedure_sync()
    proc = hazard.major_procedure
    proc.refresh_from_db()
    assert proc.determined_on == dt.date(2026, 2, 27)
    assert proc.notice_due == dt.date(2026, 3, 3)  # Sat 28 Feb = 1, Mon 2 = 2, Tue 3 = 3

    other = _found_on(units.school, people.qiaocheng, FRI, grade="major")
    _determine(other, dt.date(2026, 2, 27), experts=True)
    procedure.procedure_sync()
    other.major_procedure.refresh_from_db()
    assert other.major_procedure.notice_due == dt.date(2026, 3, 17)  # 13 working days
    assert other.major_procedure.opinion_due == dt.date(2026, 3, 16)  # 17 working days


def test_a_determination_alone_opens_the_procedure_in_the_sweep(units, people):
    hazard = report(units.mall, people.qiaocheng)
    _determine(hazard, timezone.localdate())
    clocks.run_clocks("major_notice", today=timezone.localdate())
    hazard.refresh_from_db()
    assert hazard.major_procedure.determined_on == timezone.localdate()


@frozen_on(dt.date(2026, 3, 2))
def test_the_major_hazard_notice_is_numbered_issued_once_and_rendered(units, people):
    hazard = _found_on(units.mall, people.qiaocheng, FRI, grade="major")
    proc = hazard.major_procedure
    with pytest.raises(DomainError):  # not determined yet
        procedure.major_notice_issue(proc=proc, by=people.qiaocheng, deadline=dt.date(2026, 6, 30))
    _determine(hazard, dt.date(2026, 2, 27))

    proc = procedure.major_notice_issue(proc=proc, by=people.qiaocheng, deadline=dt.date(2026, 6, 30))
    assert proc.notice_number == "亳谯消重改字〔2026〕第0001号"
    assert not clocks.late("major_notice", dt.date(2026, 3, 31)).filter(pk=proc.pk).exists()
    with pytest.raises(DomainError):
        procedure.major_notice_issue(proc=proc, by=people.qiaocheng, deadline=dt.date(2026, 7, 31))
    text = _docx_text(procedure.major_notice_docx(proc, by=people.qiaocheng))
    assert (
        "重大火灾隐患整改通知书" in text and "第二十一条" in text and "亳谯消重改字〔2026〕第0001号" in text
    )


def test_the_handling_opinion_is_recorded_with_the_report_to_the_government(units, people, orgs):
    hazard = report(units.mall, people.qiaocheng, grade="major")
    proc = procedure.procedure_opinion(
        proc=hazard.major_procedure, by=people.qiaocheng, opinion="提请区政府挂牌督办",
        government=orgs.qiaocheng_gov, report_number="亳谯消〔2026〕1号",
    )  # fmt: skip
    assert proc.opinion_at and proc.reported_at and proc.government == orgs.qiaocheng_gov
    assert not clocks.pending("opinion").filter(pk=proc.pk).exists()
    with pytest.raises(DomainError):
        procedure.procedure_opinion(proc=proc, by=people.qiaocheng, opinion="改了")


# --- 第十八条 wording, local-practice deadlines ----------------------------------------------------------


def test_urgent_tip_categories_use_the_wording_of_article_18():
    assert TipCategory.BLOCKED_EXIT.label == "占用、堵塞、封闭疏散通道、安全出口或者其他妨碍安全疏散行为"
    assert TipCategory.FIRE_SYSTEM_DISABLED.label == "擅自停用消防设施"


def test_default_rectification_periods_are_labelled_local_practice_and_can_be_overridden(settings, tmp_path):
    from flameblue.hazards import deadlines

    assert "本地做法" in deadlines.default_periods_text()
    local = tmp_path / "deadlines.yaml"
    text = deadlines.RULES.read_text(encoding="utf-8").replace(
        "{amount: 15, unit: working}", "{amount: 10, unit: working}"
    )
    local.write_text(text.replace('version: "2026.2"', 'version: "local-1"'), encoding="utf-8")
    settings.HAZARD_DEADLINES_FILE = str(local)
    deadlines.policy.cache_clear()
    try:
        assert deadlines.policy().rectification["general"].amount == 10
        assert deadlines.policy().version == "local-1"
    finally:
        settings.HAZARD_DEADLINES_FILE = ""
        deadlines.policy.cache_clear()


def test_notices_confirmed_before_and_after_the_change_share_one_numbering(units, people):
    hazard = _served(units.mall, people.qiaocheng)
    assert Notice.objects.filter(pk=hazard.notice_id, number__contains="亳谯消限字").exists()
