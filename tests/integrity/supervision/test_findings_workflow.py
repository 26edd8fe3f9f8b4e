"""A supervision finding moves through the transition table: the responsible unit records rectification and
reports it done with evidence (checked by content and size), the supervisors return or close it; every move
leaves a transition row and an audit event, an illegal or stale move is refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from flameblue.core.errors import ConcurrencyError, OutOfScope, PermissionDeniedError
from flameblue.core.models import AuditEvent
from flameblue.core.workflow import IllegalTransition
from flameblue.integrity.supervision import services
from flameblue.integrity.supervision.models import SupervisionFinding
from tests.dates import frozen_on
from tests.integrity.supervision.conftest import png

pytestmark = [pytest.mark.date_sensitive, frozen_on(dt.date(2026, 3, 5))]


@pytest.fixture
def finding(sv, orgs):
    return services.finding_add(
        by=sv.discipline, activity=sv.activity, responsible=sv.station, description="执勤车辆器材登记不全",
        requirement="逐车逐件核对登记", deadline=dt.date(2026, 3, 20),
    )  # fmt: skip


def test_a_finding_is_rectified_reported_with_evidence_returned_and_closed(finding, sv):
    services.finding_rectify(finding=finding, by=sv.station_cmd, text="已组织核对器材")
    finding.refresh_from_db()
    assert finding.status == "rectifying" and "已组织核对器材" in finding.rectification

    with pytest.raises(ValidationError, match="佐证材料"):
        services.finding_report(finding=finding, by=sv.station_cmd, text="整改完毕")
    services.finding_report(finding=finding, by=sv.station_cmd, text="整改完毕", evidence=[png()])
    services.finding_return(finding=finding, by=sv.discipline, reason="照片看不清登记本")
    finding.refresh_from_db()
    assert finding.status == "rectifying" and finding.reported_at is None

    services.finding_report(
        finding=finding, by=sv.station_cmd, text="补充登记本照片"
    )  # earlier evidence kept
    closed = services.finding_close(finding=finding, by=sv.discipline)

    assert closed.status == "closed" and closed.closed_at is not None
    moves = list(closed.transitions.values_list("from_status", "to_status"))
    assert moves == [("", "open"), ("open", "rectifying"), ("rectifying", "reported"),
                     ("reported", "rectifying"), ("rectifying", "reported"), ("reported", "closed")]  # fmt: skip
    assert services.evidence_of(closed).count() == 1
    assert (
        AuditEvent.objects.filter(
            object_type="integrity.supervisionfinding", object_id=str(closed.pk)
        ).count()
        >= 6
    )


def test_evidence_that_is_not_an_image_or_pdf_or_too_big_is_refused(finding, sv, settings):
    text = SimpleUploadedFile("整改报告.exe", b"MZ\x90\x00 not an image", content_type="image/png")
    with pytest.raises(ValidationError, match="不是允许的类型"):
        services.finding_report(finding=finding, by=sv.station_cmd, text="整改完毕", evidence=[text])
    settings.UPLOAD_MAX_BYTES = 10
    with pytest.raises(ValidationError, match="超过"):
        services.finding_report(finding=finding, by=sv.station_cmd, text="整改完毕", evidence=[png()])
    finding.refresh_from_db()
    assert finding.status == "open" and not services.evidence_of(finding).exists()


def test_a_pdf_is_accepted_as_evidence(finding, sv):
    pdf = SimpleUploadedFile("整改报告.pdf", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF")
    reported = services.finding_report(finding=finding, by=sv.station_cmd, text="整改完毕", evidence=[pdf])
    assert services.evidence_of(reported).get().content_type == "application/pdf"


def test_an_open_finding_cannot_be_closed_and_a_closed_one_cannot_be_reported(finding, sv):
    with pytest.raises(IllegalTransition, match="待整改"):
        services.finding_close(finding=finding, by=sv.discipline)
    services.finding_report(finding=finding, by=sv.station_cmd, text="整改完毕", evidence=[png()])
    services.finding_close(finding=finding, by=sv.discipline)
    with pytest.raises(IllegalTransition):
        services.finding_report(finding=finding, by=sv.station_cmd, text="再报")


def test_a_stale_version_is_refused_naming_who_changed_it(finding, sv):
    seen = finding.version
    services.finding_rectify(finding=finding, by=sv.station_cmd, text="第一次整改")
    with pytest.raises(ConcurrencyError, match="sv_station"):
        services.finding_rectify(finding=finding, by=sv.station_cmd, text="第二次", expected_version=seen)


def test_the_unit_rectifies_but_does_not_close_and_the_discipline_officer_closes_but_does_not_rectify(
    finding, sv
):
    services.finding_report(finding=finding, by=sv.station_cmd, text="整改完毕", evidence=[png()])
    with pytest.raises(PermissionDeniedError):
        services.finding_close(finding=finding, by=sv.station_cmd)
    services.finding_return(finding=finding, by=sv.discipline, reason="不到位")
    with pytest.raises(PermissionDeniedError):
        services.finding_rectify(finding=finding, by=sv.discipline, text="代为整改")


def test_another_brigade_neither_sees_nor_rectifies_the_finding(finding, sv, people):
    assert not SupervisionFinding.objects.visible_to(people.mengcheng).filter(pk=finding.pk).exists()
    assert SupervisionFinding.objects.visible_to(people.qiaocheng).filter(pk=finding.pk).exists()
    with pytest.raises(OutOfScope):
        services.finding_rectify(finding=finding, by=people.mengcheng, text="整改")


def test_a_finding_must_name_a_unit_in_the_activity_scope_and_a_deadline_not_past(sv, orgs):
    with pytest.raises(ValidationError, match="检查范围内"):
        services.finding_add(by=sv.discipline, activity=sv.activity, responsible=orgs.mengcheng_brigade,
                             description="问题", deadline=dt.date(2026, 3, 20))  # fmt: skip
    with pytest.raises(ValidationError, match="不能早于今天"):
        services.finding_add(by=sv.discipline, activity=sv.activity, responsible=orgs.qiaocheng_brigade,
                             description="问题", deadline=dt.date(2026, 3, 4))  # fmt: skip


def test_an_activity_needs_a_fire_service_scope_a_team_a_period_and_a_leader_for_a_chief_inspection(sv, orgs):
    base = dict(by=sv.discipline, title="督察", team=[sv.discipline.person], starts_on=dt.date(2026, 3, 1),
                ends_on=dt.date(2026, 3, 2))  # fmt: skip
    with pytest.raises(ValidationError, match="带队领导"):
        services.activity_create(kind="chief_inspection", units=[orgs.qiaocheng_brigade], **base)
    with pytest.raises(ValidationError, match="消防救援队伍"):
        services.activity_create(kind="audit", units=[orgs.school], **base)
    with pytest.raises(ValidationError, match="结束日期"):
        services.activity_create(kind="audit", units=[sv.station], **{**base, "ends_on": dt.date(2026, 2, 1)})
    audit = services.activity_create(kind="finance_check", units=[sv.station], **base)
    assert audit.organizer == orgs.detachment and audit.region_id == "3416"
