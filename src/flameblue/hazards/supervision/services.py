"""Listed supervision (挂牌督办): filing a case (立案), requesting listing by the city or county government,
the government's decision within 7 working days (a late one flagged to its leaders), periodic supervision
reports, public disclosure, and delisting (摘牌/销案) only after a passing re-inspection.

Every step goes through the workflow kernel (``core.workflow``): it locks the case row, checks the version
the user saw and the status, saves with a new version, and writes a transition row and an audit event.
``decision_due`` and ``next_report_due`` are kept current here: the escalation sweep reads them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core import audit, workflow
from flameblue.core.errors import DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.notify import Message, notify
from flameblue.core.scoping import action_name, grants, has_action, memberships_granting
from flameblue.core.services import ensure_in_scope
from flameblue.hazards.choices import OPEN_STATUSES, HazardGrade, HazardStatus, SupervisionStatus
from flameblue.hazards.models import (
    Hazard,
    HazardTransition,
    SupervisionCase,
    SupervisionCaseCounter,
    SupervisionReport,
)
from flameblue.hazards.supervision.determination_services import supervision_rules
from flameblue.org.choices import OrgKind
from flameblue.org.models import Membership, Organization, User
from flameblue.workdays.services import due_date

__all__ = [
    "FILEABLE_GRADES",
    "IllegalCaseMove",
    "case_decide",
    "case_delist",
    "case_file",
    "case_number",
    "case_report",
    "case_request_listing",
    "case_set_public",
    "government_leaders",
    "may_decide",
    "passed_recheck",
]

S = SupervisionStatus
#: Major hazards are filed; prominent ones when the brigade chooses to (domain.md §5).
FILEABLE_GRADES = (HazardGrade.MAJOR, HazardGrade.PROMINENT)
DECIDE = "decide"


#: The case's current status does not allow this step (the kernel's error; the API answers 409 "state").
IllegalCaseMove = workflow.IllegalTransition


def _rules() -> dict[str, Any]:
    return supervision_rules()["supervision"]


def _actor(by: Any) -> Any:
    return by if getattr(by, "pk", None) else None


def case_number(year: int, serial: int) -> str:
    rules = _rules()
    return rules["case_number_format"].format(prefix=rules["case_number_prefix"], year=year, serial=serial)


def _next_serial(year: int) -> int:
    """The next serial of the year under a row lock held until the filing commits: no gaps, no duplicates."""
    counter = SupervisionCaseCounter.objects.select_for_update().filter(year=year).first()
    if counter is None:
        try:
            with transaction.atomic():  # a concurrent first filing of the year may win the insert
                SupervisionCaseCounter.objects.create(year=year, prefix=_rules()["case_number_prefix"])
        except IntegrityError:
            pass
        counter = SupervisionCaseCounter.objects.select_for_update().get(year=year)
    counter.last_serial += 1
    counter.save(update_fields=["last_serial"])
    return counter.last_serial


def _lock(
    case: SupervisionCase,
    *,
    by: Any,
    action: str,
    allowed: tuple[str, ...],
    verb: str,
    expected_version: int | None = None,
) -> SupervisionCase:
    return workflow.lock(
        case, by=by, action=None if action == DECIDE else action, allowed=allowed, verb=verb,
        expected_version=expected_version, noun=_("督办案件"),
        queryset=SupervisionCase.objects.select_related("hazard", "government"),
    )  # fmt: skip


def _save(
    case: SupervisionCase,
    *,
    by: Any,
    reason: str = "",
    action: str = audit.AuditAction.TRANSITION,
    data: dict[str, Any] | None = None,
    at: dt.datetime | None = None,
) -> SupervisionCase:
    return workflow.advance(case, by=by, reason=reason, audit_action=action, data=data, at=at)


def _link(case: SupervisionCase) -> str:
    return reverse("hazards:supervision-detail", kwargs={"pk": case.pk})


@transaction.atomic
def case_file(*, hazard: Hazard, by: Any, at: dt.datetime | None = None) -> SupervisionCase:
    """立案: file a major hazard (or a prominent one the brigade chooses) as a listed-supervision case,
    numbered per year (亳消督〔2026〕第001号); region and industry are copied from the hazard."""
    if by is not None and not has_action(by, SupervisionCase, "add"):
        raise PermissionDeniedError(_("您没有办理挂牌督办立案的权限。"))
    if by is not None and not Hazard.objects.visible_to(by, "view").filter(pk=hazard.pk).exists():
        raise OutOfScope(_("该隐患不在您的管辖范围内。"))
    hazard = Hazard.objects.select_for_update().get(pk=hazard.pk)
    if hazard.grade not in FILEABLE_GRADES:
        raise DomainError(_("只有重大火灾隐患或突出火灾隐患才能挂牌督办立案；该隐患为“%(grade)s”。")
                          % {"grade": hazard.get_grade_display()})  # fmt: skip
    if hazard.status not in OPEN_STATUSES:
        raise DomainError(_("该隐患已“%(status)s”，无需立案督办。") % {"status": hazard.get_status_display()})
    existing = SupervisionCase.objects.filter(hazard=hazard).first()
    if existing is not None:
        raise DomainError(_("该隐患已立案（%(number)s），不能重复立案。") % {"number": existing.case_number})
    at = at or timezone.now()
    year = timezone.localtime(at).year
    actor = _actor(by)
    case = SupervisionCase.objects.create(
        hazard=hazard, case_number=case_number(year, _next_serial(year)), region_id=hazard.region_id,
        industry_id=hazard.industry_id, status=S.FILED, filed_at=at,
        report_interval_days=_rules()["default_report_interval_days"], created_by=actor, updated_by=actor,
        created_at=at, updated_at=at,
    )  # fmt: skip
    ensure_in_scope(case, by=by, action="add")
    audit.record(audit.AuditAction.CREATE, by=by, obj=case, changes=audit.diff({}, audit.snapshot(case)))
    workflow.begin(case, by=by, at=at)
    return case


def eligible_governments(case: SupervisionCase):
    """The city and county governments whose jurisdiction contains the hazard."""
    region = case.region_id
    lengths = _rules()["government_region_lengths"]
    codes = [region[:n] for n in lengths if len(region) >= n]
    return Organization.objects.filter(kind=OrgKind.GOVERNMENT, region_id__in=codes, is_active=True).order_by(
        "region_id", "name"
    )


def government_leaders(government: Organization) -> list[User]:
    """The accounts of the government's staff whose role grants deciding on listings (its leaders)."""
    wanted = action_name(SupervisionCase, DECIDE)
    memberships = (
        Membership.objects.current().filter(organization=government, is_active=True).select_related("role")
    )
    people = {m.person_id for m in memberships if grants(m.role.actions, wanted)}
    return list(User.objects.filter(person_id__in=people, is_active=True))


def may_decide(user: Any, case: SupervisionCase) -> bool:
    """Whether ``user`` decides for the case's government: a current membership of that government whose
    role grants ``hazards.supervisioncase.decide``."""
    if user is None or not getattr(user, "is_authenticated", False) or case.government_id is None:
        return False
    granting = memberships_granting(user, action_name(SupervisionCase, DECIDE))
    return any(m.organization_id == case.government_id for m in granting)


@transaction.atomic
def case_request_listing(
    *,
    case: SupervisionCase,
    government: Organization,
    by: Any,
    expected_version: int | None = None,
    today: dt.date | None = None,
    at: dt.datetime | None = None,
) -> SupervisionCase:
    """提请挂牌: ask the city or county government whose jurisdiction contains the hazard to list it; the
    decision falls due in 7 working days and the government's leaders are notified."""
    case = _lock(case, by=by, action="change", allowed=(S.FILED, S.REFUSED), verb=_("提请挂牌"),
                 expected_version=expected_version)  # fmt: skip
    if not eligible_governments(case).filter(pk=government.pk).exists():
        raise DomainError(
            _("“%(gov)s”不是该隐患所在地的市或县（区）人民政府，不能向其提请挂牌督办。")
            % {"gov": government.name},
            field="government",
        )
    at = at or timezone.now()
    today = today or timezone.localdate(at)
    due = due_date(today, _rules()["decision_working_days"], "working")
    case.government = government
    case.requested_at = at
    case.decision_due = due.date
    case.decided_at, case.decided_by, case.decided_late, case.decision_reason = None, None, False, ""
    case.status = S.REQUESTED
    _save(case, by=by, reason=_("提请%(gov)s挂牌督办") % {"gov": government.name}, at=at)
    notify(
        government_leaders(government),
        Message(
            subject=_("请于%(due)s前对重大火灾隐患挂牌督办作出决定：%(unit)s")
            % {"due": due.date.isoformat(), "unit": case.hazard.unit.name},
            body=_("案件编号 %(number)s") % {"number": case.case_number},
            link=_link(case),
        ),
        dedupe_key=f"supervision-request:{case.pk}:{case.version}",
    )
    case.due_warning = due.warning
    return case


def _decision_inputs(
    listed: bool, document_number: str, deadline: dt.date | None, reason: str, today: dt.date
) -> None:
    if listed:
        if not (document_number or "").strip():
            raise DomainError(_("请填写挂牌督办文号。"), field="document_number")
        if deadline is None:
            raise DomainError(_("请填写督办整改期限。"), field="deadline")
        if deadline <= today:
            raise DomainError(_("督办整改期限须晚于今天。"), field="deadline")
    elif not (reason or "").strip():
        raise DomainError(_("不予挂牌时请写明理由。"), field="reason")


@transaction.atomic
def case_decide(
    *,
    case: SupervisionCase,
    listed: bool,
    by: Any,
    document_number: str = "",
    deadline: dt.date | None = None,
    report_interval_days: int | None = None,
    reason: str = "",
    expected_version: int | None = None,
    today: dt.date | None = None,
    at: dt.datetime | None = None,
) -> SupervisionCase:
    """The government's decision: list (document number, deadline, report interval) or refuse (reason).
    Only the requested government's leaders decide; a decision after ``decision_due`` is recorded as late
    and the leaders are told."""
    if by is not None and not SupervisionCase.objects.visible_to(by, "view").filter(pk=case.pk).exists():
        raise OutOfScope(_("该督办案件不在您的管辖范围内。"))
    case = _lock(case, by=by, action=DECIDE, allowed=(S.REQUESTED,), verb=_("作出挂牌决定"),
                 expected_version=expected_version)  # fmt: skip
    if by is not None and not may_decide(by, case):
        raise PermissionDeniedError(
            _("只有%(gov)s的领导才能对该案件作出挂牌决定。") % {"gov": case.government.name}
        )
    at = at or timezone.now()
    today = today or timezone.localdate(at)
    _decision_inputs(listed, document_number, deadline, reason, today)
    interval = report_interval_days or case.report_interval_days or _rules()["default_report_interval_days"]
    if interval < 1:
        raise DomainError(_("督办报告周期须至少为1天。"), field="report_interval_days")
    case.decided_at, case.decided_by = at, _actor(by)
    case.decided_late = bool(case.decision_due and today > case.decision_due)
    case.decision_reason = (reason or "").strip()
    if listed:
        case.status = S.LISTED
        case.listing_document_number = document_number.strip()
        case.deadline, case.report_interval_days = deadline, interval
        case.next_report_due = today + dt.timedelta(days=interval)
    else:
        case.status, case.next_report_due = S.REFUSED, None
    _save(case, by=by, reason=case.decision_reason or _("决定挂牌督办"), at=at)
    if case.decided_late:
        notify(
            government_leaders(case.government),
            Message(
                subject=_("挂牌督办决定逾期：%(number)s（应于%(due)s前决定）")
                % {"number": case.case_number, "due": case.decision_due.isoformat()},
                link=_link(case),
                level="warning",
            ),
            dedupe_key=f"supervision-late:{case.pk}:{case.version}",
        )
    return case


@transaction.atomic
def case_report(
    *,
    case: SupervisionCase,
    content: str,
    by: Any,
    expected_version: int | None = None,
    today: dt.date | None = None,
    at: dt.datetime | None = None,
) -> SupervisionReport:
    """督办报告: a periodic progress report on a listed hazard; the next one falls due one interval later."""
    if by is not None and not has_action(by, SupervisionReport, "add"):
        raise PermissionDeniedError(_("您没有报送督办报告的权限。"))
    case = _lock(case, by=by, action="view", allowed=(S.LISTED,), verb=_("报送督办报告"),
                 expected_version=expected_version)  # fmt: skip
    content = (content or "").strip()
    if not content:
        raise DomainError(_("请填写进展情况。"), field="content")
    at = at or timezone.now()
    report = SupervisionReport.objects.create(
        case=case, submitted_by=_actor(by), content=content, submitted_at=at
    )
    case.next_report_due = (today or timezone.localdate(at)) + dt.timedelta(days=case.report_interval_days)
    _save(case, by=by, reason=_("报送督办报告"), action=audit.AuditAction.UPDATE, data={"report": report.pk},
          at=at)  # fmt: skip
    return report


def passed_recheck(hazard: Hazard) -> bool:
    """Whether the hazard is closed by a passing re-inspection (not by a correction on the spot)."""
    if hazard.status != HazardStatus.CLOSED:
        return False
    last = HazardTransition.objects.filter(hazard=hazard).order_by("-at", "-id").first()
    return bool(last and last.to_status == HazardStatus.CLOSED and last.data.get("result") == "passed")


@transaction.atomic
def case_delist(
    *, case: SupervisionCase, by: Any, expected_version: int | None = None, at: dt.datetime | None = None
) -> SupervisionCase:
    """摘牌/销案: only once the hazard has been closed by a passing re-inspection."""
    case = _lock(case, by=by, action="view", allowed=(S.LISTED, S.FILED, S.REFUSED), verb=_("摘牌销案"),
                 expected_version=expected_version)  # fmt: skip
    if by is not None and not (may_decide(by, case) or has_action(by, SupervisionCase, "change")):
        raise PermissionDeniedError(_("您没有摘牌销案的权限。"))
    if by is not None and not may_decide(by, case):
        ensure_in_scope(case, by=by, action="change")
    if not passed_recheck(case.hazard):
        raise DomainError(
            _("该隐患尚未经复查合格销案（当前状态“%(status)s”），不能摘牌销案。")
            % {"status": case.hazard.get_status_display()}
        )
    case.status, case.delisted_at = S.DELISTED, at or timezone.now()
    case.next_report_due = None
    return _save(case, by=by, reason=_("复查合格，摘牌销案"), at=case.delisted_at)


@transaction.atomic
def case_set_public(
    *, case: SupervisionCase, public: bool, by: Any, expected_version: int | None = None
) -> SupervisionCase:
    """Mark the case as published (or not) on the public list of listed hazards."""
    case = _lock(case, by=by, action="change", allowed=tuple(S.values), verb=_("修改公开设置"),
                 expected_version=expected_version)  # fmt: skip
    if case.is_public == bool(public):
        return case
    case.is_public = bool(public)
    return _save(
        case, by=by, reason=_("向社会公布") if public else _("取消公布"), action=audit.AuditAction.UPDATE
    )
