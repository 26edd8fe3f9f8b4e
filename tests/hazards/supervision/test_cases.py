"""Listed supervision (挂牌督办): filing, requesting, the government's decision within 7 working days,
reports, delisting only after a passing re-inspection, and gapless case numbers."""

from __future__ import annotations

import datetime as dt

import pytest

from flameblue.core.errors import DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.notify_models import Notification
from flameblue.hazards import services
from flameblue.hazards.models import SupervisionCase
from flameblue.hazards.supervision import services as sup
from flameblue.workdays.services import due_date
from tests.factories import persona
from tests.hazards.lifecycle_helpers import DAY, confirm, rectifying, report
from tests.hazards.supervision.helpers import (
    close_by_recheck,
    filed_case,
    listed_case,
    major_hazard,
    requested_case,
)

pytestmark = pytest.mark.date_sensitive


@pytest.fixture
def leaders(orgs):
    class L:
        qiaocheng = persona("qc_leader", orgs.qiaocheng_gov, "government_leader")
        mengcheng = persona("mc_leader", orgs.mengcheng_gov, "government_leader")

    return L


def test_filing_numbers_cases_per_year_without_gaps(units, people):
    first = filed_case(units.mall, people.qiaocheng)
    second = filed_case(units.school, people.qiaocheng)
    year = dt.date.today().year
    assert first.case_number == f"亳消督〔{year}〕第001号"
    assert second.case_number == f"亳消督〔{year}〕第002号"
    assert first.region_id == units.mall.region_id and first.status == "filed"


def test_a_refused_filing_does_not_use_up_a_number(units, people):
    general = confirm(report(units.mall, people.qiaocheng), people.qiaocheng)
    with pytest.raises(DomainError, match="重大火灾隐患或突出火灾隐患"):
        sup.case_file(hazard=general, by=people.qiaocheng)
    case = filed_case(units.mall, people.qiaocheng)
    assert case.case_number.endswith("第001号")


def test_a_prominent_hazard_may_be_filed_and_a_hazard_only_once(units, people):
    prominent = rectifying(units.mall, people.qiaocheng, grade="prominent")
    case = sup.case_file(hazard=prominent, by=people.qiaocheng)
    assert case.status == "filed"
    with pytest.raises(DomainError, match="不能重复立案"):
        sup.case_file(hazard=prominent, by=people.qiaocheng)


def test_listing_is_requested_from_a_government_containing_the_hazard(units, people, orgs, leaders):
    case = filed_case(units.mall, people.qiaocheng)
    for wrong in (orgs.mengcheng_gov, orgs.huaxilou_gov):
        with pytest.raises(DomainError) as exc:
            sup.case_request_listing(case=case, government=wrong, by=people.qiaocheng, today=DAY)
        assert exc.value.field == "government"
    case = sup.case_request_listing(case=case, government=orgs.qiaocheng_gov, by=people.qiaocheng, today=DAY)
    assert case.status == "requested"
    assert case.decision_due == due_date(DAY, 7, "working").date
    assert Notification.objects.filter(recipient=leaders.qiaocheng, link__contains=str(case.pk)).exists()
    assert not Notification.objects.filter(recipient=leaders.mengcheng).exists()


def test_only_the_requested_governments_leader_can_decide(units, people, orgs, leaders):
    case = requested_case(units.mall, people.qiaocheng, orgs.qiaocheng_gov)
    with pytest.raises(OutOfScope):
        sup.case_decide(case=case, listed=True, by=leaders.mengcheng, document_number="x", deadline=DAY)
    for outsider in (people.city_leader, people.detachment):  # sees the case, is not that government
        with pytest.raises(PermissionDeniedError):
            sup.case_decide(
                case=case, listed=True, by=outsider, document_number="谯政督〔2026〕1号",
                deadline=DAY + dt.timedelta(days=60), today=DAY,
            )  # fmt: skip
    case = sup.case_decide(
        case=case, listed=True, by=leaders.qiaocheng, document_number="谯政督〔2026〕1号",
        deadline=DAY + dt.timedelta(days=60), report_interval_days=15, today=DAY + dt.timedelta(days=2),
    )  # fmt: skip
    assert case.status == "listed" and case.decided_late is False
    assert case.next_report_due == DAY + dt.timedelta(days=17)


def test_a_decision_after_seven_working_days_is_flagged_late_and_the_leader_told(
    units, people, orgs, leaders
):
    case = requested_case(units.mall, people.qiaocheng, orgs.qiaocheng_gov)
    on_due = sup.case_decide
    late_day = case.decision_due + dt.timedelta(days=1)
    before = Notification.objects.filter(recipient=leaders.qiaocheng).count()
    case = on_due(
        case=case, listed=True, by=leaders.qiaocheng, document_number="谯政督〔2026〕2号",
        deadline=late_day + dt.timedelta(days=60), today=late_day,
    )  # fmt: skip
    assert case.decided_late is True
    late = Notification.objects.filter(recipient=leaders.qiaocheng).order_by("-pk").first()
    assert Notification.objects.filter(recipient=leaders.qiaocheng).count() == before + 1
    assert "逾期" in late.subject


def test_a_decision_on_the_due_day_is_not_late(units, people, orgs, leaders):
    case = requested_case(units.mall, people.qiaocheng, orgs.qiaocheng_gov)
    case = sup.case_decide(
        case=case, listed=False, by=leaders.qiaocheng, reason="由市政府督办", today=case.decision_due
    )
    assert case.status == "refused" and case.decided_late is False and case.next_report_due is None


def test_refusal_needs_a_reason_and_listing_a_document_number(units, people, orgs, leaders):
    case = requested_case(units.mall, people.qiaocheng, orgs.qiaocheng_gov)
    with pytest.raises(DomainError) as exc:
        sup.case_decide(case=case, listed=False, by=leaders.qiaocheng, today=DAY)
    assert exc.value.field == "reason"
    with pytest.raises(DomainError) as exc:
        sup.case_decide(
            case=case, listed=True, by=leaders.qiaocheng, deadline=DAY + dt.timedelta(days=9), today=DAY
        )
    assert exc.value.field == "document_number"


def test_a_report_advances_the_next_report_due(units, people, orgs):
    case = listed_case(units.mall, people.qiaocheng, orgs.city_gov, people.city_leader)
    sup.case_report(
        case=case, content="已制定整改方案", by=people.qiaocheng, today=DAY + dt.timedelta(days=20)
    )
    case.refresh_from_db()
    assert case.next_report_due == DAY + dt.timedelta(days=50)
    assert case.reports.count() == 1


def test_cannot_delist_before_a_passing_recheck(units, people, orgs):
    case = listed_case(units.mall, people.qiaocheng, orgs.city_gov, people.city_leader)
    with pytest.raises(DomainError, match="尚未经复查合格"):
        sup.case_delist(case=case, by=people.qiaocheng)
    hazard = services.hazard_start(hazard=case.hazard, by=people.qiaocheng)
    services.hazard_recheck(hazard=hazard, by=people.qiaocheng, passed=False, note="喷淋未安装")
    with pytest.raises(DomainError, match="尚未经复查合格"):
        sup.case_delist(case=case, by=people.qiaocheng)
    close_by_recheck(case.hazard, people.qiaocheng)
    case = sup.case_delist(case=case, by=people.city_leader)
    assert case.status == "delisted" and case.delisted_at is not None and case.next_report_due is None


def test_a_requested_case_cannot_be_requested_again(units, people, orgs):
    case = requested_case(units.mall, people.qiaocheng, orgs.qiaocheng_gov)
    with pytest.raises(sup.IllegalCaseMove, match="已提请挂牌"):
        sup.case_request_listing(case=case, government=orgs.city_gov, by=people.qiaocheng)


def test_another_county_brigade_cannot_file_or_see(units, people):
    hazard = major_hazard(units.mall, people.qiaocheng)
    with pytest.raises(OutOfScope):
        sup.case_file(hazard=hazard, by=people.mengcheng)
    case = sup.case_file(hazard=hazard, by=people.qiaocheng)
    assert not SupervisionCase.objects.visible_to(people.mengcheng).filter(pk=case.pk).exists()


def test_set_public_is_audited_and_guarded(units, people, orgs):
    case = filed_case(units.mall, people.qiaocheng)
    case = sup.case_set_public(case=case, public=True, by=people.qiaocheng)
    assert case.is_public is True
    with pytest.raises(PermissionDeniedError):
        sup.case_set_public(case=case, public=False, by=people.city_leader)
