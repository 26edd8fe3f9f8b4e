"""The hazard lifecycle: each transition, what it records, and the moves it refuses."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from flameblue.core.errors import ConcurrencyError, DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.models import AuditAction, AuditEvent
from flameblue.core.notify_models import StoredFile
from flameblue.hazards import services
from flameblue.hazards.choices import HazardSource, HazardStatus, NoticeStatus
from flameblue.hazards.services import IllegalTransition
from tests.hazards.conftest import png
from tests.hazards.lifecycle_helpers import DAY, completion_reported, confirm, rectifying, report

pytestmark = [pytest.mark.django_db, pytest.mark.date_sensitive]
S = HazardStatus


def _path(hazard) -> list[tuple[str, str]]:
    return list(hazard.transitions.values_list("from_status", "to_status"))


def test_reported_hazard_copies_region_and_industry_from_the_unit_and_finds_the_county_brigade(
    units, orgs, people
):
    hazard = report(units.school, people.grid, source=HazardSource.TOWNSHIP_GRID)

    assert hazard.status == S.FOUND
    assert hazard.region_id == "341602001" and hazard.industry_id == "education"
    assert hazard.brigade == orgs.qiaocheng_brigade
    assert hazard.found_by == people.grid
    assert _path(hazard) == [("", S.FOUND)]
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(hazard.pk)).exists()


def test_reporting_needs_the_unit_in_scope_and_the_add_action(units, people):
    with pytest.raises(OutOfScope):
        report(units.hospital, people.qiaocheng)
    with pytest.raises(PermissionDeniedError):
        report(units.school, people.unit_manager)


def test_reporting_without_a_description_names_the_field(units, people):
    with pytest.raises(DomainError) as exc:
        report(units.school, people.qiaocheng, description="  ")
    assert exc.value.field == "description"


def test_confirm_sets_grade_deadline_recheck_and_issues_a_numbered_notice(units, people):
    hazard = confirm(report(units.school, people.qiaocheng), people.qiaocheng, grade="prominent", deadline_amount=10,
                     deadline_unit="calendar", interim_measures="专人值守")  # fmt: skip

    assert hazard.status == S.CONFIRMED
    assert hazard.deadline == DAY + dt.timedelta(days=10)
    assert hazard.recheck_due == dt.date(2026, 3, 17)  # 3 working days after Thursday 12 March
    # the deadline counts from DAY, but the notice is issued now: it carries this year's number
    assert hazard.notice.number == f"亳谯消限字〔{timezone.localdate().year}〕第0001号"
    assert hazard.notice.deadline == hazard.deadline
    assert hazard.confirmed_at is not None and hazard.interim_measures == "专人值守"


def test_confirm_and_start_in_one_step_keeps_both_moves_in_the_timeline(units, people):
    hazard = rectifying(units.school, people.qiaocheng)
    assert hazard.status == S.RECTIFYING
    assert _path(hazard) == [("", S.FOUND), (S.FOUND, S.CONFIRMED), (S.CONFIRMED, S.RECTIFYING)]


def test_a_second_hazard_of_the_unit_can_join_its_open_notice(units, people):
    # joining is possible until the notice is served (第十九条: a served notice is never changed)
    first = confirm(report(units.school, people.qiaocheng), people.qiaocheng)
    second = confirm(report(units.school, people.qiaocheng, description="灭火器过期"), people.qiaocheng,
                     notice=first.notice, grade="prominent")  # fmt: skip

    assert second.notice == first.notice
    assert list(first.notice.hazards.order_by("pk")) == [first, second]
    first.notice.refresh_from_db()
    assert first.notice.deadline == second.deadline  # the later of the two


def test_a_hazard_cannot_join_another_units_notice(units, people):
    school = rectifying(units.school, people.qiaocheng)
    with pytest.raises(DomainError) as exc:
        confirm(report(units.mall, people.qiaocheng), people.qiaocheng, notice=school.notice)
    assert exc.value.field == "notice"


def test_unit_reports_completion_with_an_after_photo(units, people, photo):
    hazard = rectifying(units.school, people.qiaocheng)
    with pytest.raises(Exception) as exc:
        services.hazard_report_completion(hazard=hazard, by=people.unit_manager, photos=[], note="已整改")
    assert "photos" in exc.value.message_dict

    hazard = services.hazard_report_completion(
        hazard=hazard, by=people.unit_manager, photos=[photo()], note="已整改", today=dt.date(2026, 3, 6)
    )
    assert hazard.status == S.COMPLETION_REPORTED
    assert hazard.recheck_due == dt.date(2026, 3, 11)
    assert (
        StoredFile.objects.filter(
            owner_type="hazards.hazard", owner_id=str(hazard.pk), purpose="after"
        ).count()
        == 1
    )


def test_an_html_file_named_jpg_is_refused_as_evidence(units, people):
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    hazard = rectifying(units.school, people.qiaocheng)
    fake = SimpleUploadedFile(
        "after.jpg", b"<html><script>alert(1)</script></html>", content_type="image/jpeg"
    )
    with pytest.raises(ValidationError):
        services.hazard_report_completion(hazard=hazard, by=people.unit_manager, photos=[fake])
    hazard.refresh_from_db()
    assert hazard.status == S.RECTIFYING


def test_passing_recheck_closes_the_hazard_and_its_notice(units, people):
    hazard = completion_reported(units.school, people.qiaocheng, people.unit_manager)
    hazard = services.hazard_recheck(hazard=hazard, by=people.qiaocheng, passed=True)

    assert hazard.status == S.CLOSED and hazard.closed_at is not None
    hazard.notice.refresh_from_db()
    assert hazard.notice.status == NoticeStatus.CLOSED


def test_notice_stays_open_while_another_hazard_on_it_is_open(units, people):
    first = confirm(report(units.school, people.qiaocheng), people.qiaocheng)
    second = confirm(report(units.school, people.qiaocheng), people.qiaocheng, notice=first.notice)
    first = services.hazard_start(hazard=first, by=people.qiaocheng)
    services.hazard_start(hazard=second, by=people.qiaocheng)
    first = services.hazard_report_completion(hazard=first, by=people.unit_manager, photos=[png()], today=DAY)
    services.hazard_recheck(hazard=first, by=people.qiaocheng, passed=True)
    first.notice.refresh_from_db()
    assert first.notice.status == NoticeStatus.OPEN


def test_failed_recheck_goes_back_with_a_new_deadline_and_the_failure_recorded(units, people):
    hazard = completion_reported(units.school, people.qiaocheng, people.unit_manager)
    with pytest.raises(DomainError) as exc:
        services.hazard_recheck(hazard=hazard, by=people.qiaocheng, passed=False, note="")
    assert exc.value.field == "note"

    hazard = services.hazard_recheck(hazard=hazard, by=people.qiaocheng, passed=False, note="杂物未清",
                                     deadline_amount=5, deadline_unit="calendar", today=dt.date(2026, 4, 1))  # fmt: skip
    assert hazard.status == S.RECTIFYING and hazard.failed_rechecks == 1
    assert hazard.deadline == dt.date(2026, 4, 6)
    last = hazard.transitions.last()
    assert (
        last.reason == "杂物未清"
        and last.data["result"] == "failed"
        and last.data["deadline"] == "2026-04-06"
    )


def test_fix_on_spot_closes_at_once_and_needs_a_photo(units, people, photo):
    hazard = report(units.mall, people.qiaocheng)
    with pytest.raises(Exception):  # noqa: B017 - ValidationError naming photos
        services.hazard_fix_on_spot(hazard=hazard, by=people.qiaocheng, photos=[])
    hazard = services.hazard_fix_on_spot(hazard=hazard, by=people.qiaocheng, photos=[photo()])
    assert hazard.status == S.CLOSED and hazard.corrected_on_spot and hazard.notice is None


def test_withdraw_needs_a_reason(units, people):
    hazard = rectifying(units.school, people.qiaocheng)
    with pytest.raises(DomainError):
        services.hazard_withdraw(hazard=hazard, by=people.qiaocheng, reason=" ")
    hazard = services.hazard_withdraw(hazard=hazard, by=people.qiaocheng, reason="重复登记")
    assert hazard.status == S.WITHDRAWN
    assert hazard.transitions.last().reason == "重复登记"
    hazard.notice.refresh_from_db()
    assert hazard.notice.status == NoticeStatus.CLOSED


def test_only_tip_hazards_can_be_dismissed(units, people):
    ordinary = report(units.school, people.qiaocheng)
    with pytest.raises(IllegalTransition):
        services.hazard_dismiss(hazard=ordinary, by=people.qiaocheng, reason="不属实")
    tip = report(units.school, people.qiaocheng, source=HazardSource.PUBLIC_TIP)
    tip = services.hazard_dismiss(hazard=tip, by=people.qiaocheng, reason="现场核查无此情况")
    assert tip.status == S.DISMISSED


@pytest.mark.parametrize(
    "move",
    [
        lambda h, p: services.hazard_start(hazard=h, by=p.qiaocheng),
        lambda h, p: services.hazard_recheck(hazard=h, by=p.qiaocheng, passed=True),
        lambda h, p: services.hazard_withdraw(hazard=h, by=p.qiaocheng, reason="x"),
        lambda h, p: confirm(h, p.qiaocheng),
    ],
)
def test_a_closed_hazard_accepts_no_move(units, people, move):
    hazard = completion_reported(units.school, people.qiaocheng, people.unit_manager)
    services.hazard_recheck(hazard=hazard, by=people.qiaocheng, passed=True)
    hazard.refresh_from_db()
    with pytest.raises(IllegalTransition, match="已整改销案"):
        move(hazard, people)


def test_a_found_hazard_cannot_be_rechecked_or_reported_complete(units, people, photo):
    hazard = report(units.school, people.qiaocheng)
    with pytest.raises(IllegalTransition):
        services.hazard_recheck(hazard=hazard, by=people.qiaocheng, passed=True)
    with pytest.raises(IllegalTransition):
        services.hazard_report_completion(hazard=hazard, by=people.unit_manager, photos=[photo()])


def test_stale_version_names_who_moved_it_and_changes_nothing(units, people):
    hazard = report(units.school, people.qiaocheng)
    seen = hazard.version
    confirm(hazard, people.detachment)
    with pytest.raises(ConcurrencyError) as exc:
        confirm(hazard, people.qiaocheng, grade="major", expected_version=seen)
    assert "zhidui" in exc.value.message and "已确认" in exc.value.message and "请刷新" in exc.value.message
    hazard.refresh_from_db()
    assert hazard.grade == "general" and hazard.transitions.count() == 2


def test_permissions_and_scope_of_moves(units, people):
    hazard = report(units.hospital, people.mengcheng)
    with pytest.raises(OutOfScope):
        confirm(hazard, people.qiaocheng)
    with pytest.raises(PermissionDeniedError):
        confirm(report(units.school, people.qiaocheng), people.unit_manager)
