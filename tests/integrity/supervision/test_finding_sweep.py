"""The ``supervision_findings`` sweep job: open and rectifying findings past their deadline become
逾期未整改 (a transition row, the responsible unit told once); reported and closed findings are left alone,
and a second run does nothing twice."""

from __future__ import annotations

import datetime as dt

import pytest

from flameblue.core.notify_models import Notification
from flameblue.core.sweep import run_sweep
from flameblue.integrity.supervision import services
from flameblue.integrity.supervision.sweep import sweep_findings
from tests.dates import frozen_on
from tests.integrity.supervision.conftest import png

pytestmark = [pytest.mark.date_sensitive, frozen_on(dt.date(2026, 3, 5))]


def _finding(sv, deadline, text="器材登记不全"):
    return services.finding_add(by=sv.discipline, activity=sv.activity, responsible=sv.station, description=text,
                                deadline=deadline)  # fmt: skip


def test_findings_past_their_deadline_are_marked_overdue_once(sv):
    late = _finding(sv, dt.date(2026, 3, 10))
    rectifying = _finding(sv, dt.date(2026, 3, 9), "营区安全管理不到位")
    services.finding_rectify(finding=rectifying, by=sv.station_cmd, text="正在整改")
    reported = _finding(sv, dt.date(2026, 3, 9), "值班记录缺失")
    services.finding_report(finding=reported, by=sv.station_cmd, text="已补齐", evidence=[png()])
    in_time = _finding(sv, dt.date(2026, 3, 12), "训练记录不全")

    result = sweep_findings(today=dt.date(2026, 3, 11))

    assert result.marked == 2 and "2 findings marked overdue" in result.summary()
    for finding, status in (
        (late, "overdue"),
        (rectifying, "overdue"),
        (reported, "reported"),
        (in_time, "open"),
    ):
        finding.refresh_from_db()
        assert finding.status == status
    assert late.transitions.last().to_status == "overdue" and late.transitions.last().by is None
    assert (
        Notification.objects.filter(
            recipient=sv.station_cmd, dedupe_key__startswith="supervision-finding"
        ).count()
        == 2
    )
    assert sweep_findings(today=dt.date(2026, 3, 11)).marked == 0
    assert late.transitions.filter(to_status="overdue").count() == 1


def test_an_overdue_finding_can_still_be_rectified_and_reported(sv):
    finding = _finding(sv, dt.date(2026, 3, 6))
    run_sweep(today=dt.date(2026, 3, 7), only="supervision_findings")
    services.finding_rectify(finding=finding, by=sv.station_cmd, text="补做整改")
    finding.refresh_from_db()
    assert finding.status == "overdue"
    services.finding_report(finding=finding, by=sv.station_cmd, text="整改完毕", evidence=[png()])
    finding.refresh_from_db()
    assert finding.status == "reported"
