"""Writes of the supervision sub-domain: keyword-only, atomic, validated, audited.

- "三个必到" occasions are recorded for a station or brigade (the festival occasions come from the rule file);
- supervision activities are created with scope, team and period; their findings move through the transition
  table :data:`MOVES` with the workflow kernel (rectification entries, the report with evidence, a return,
  the closing, and the overdue mark the sweep sets);
- a cross-review draws its sample with a stored seed (see ``sampling.py``), reviewers answer the checklist
  item by item, and a problem becomes a finding of the owning brigade."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from flameblue.core import audit, workflow
from flameblue.core.errors import ConcurrencyError, OutOfScope, PermissionDeniedError
from flameblue.core.notify_models import StoredFile
from flameblue.core.scoping import has_action
from flameblue.core.services import ensure_in_scope
from flameblue.core.uploads import store_upload
from flameblue.integrity.supervision import sampling
from flameblue.integrity.supervision.choices import ActivityKind
from flameblue.integrity.supervision.choices import FindingStatus as S
from flameblue.integrity.supervision.models import (
    CrossReview,
    CrossReviewItem,
    MustAttendOccasion,
    SupervisionActivity,
    SupervisionFinding,
)
from flameblue.integrity.supervision.policy import must_attend_policy, review_checklist
from flameblue.org.choices import FIRE_SERVICE_KINDS, OrgKind
from flameblue.org.models import Organization, Person

__all__ = [
    "MOVES",
    "activity_create",
    "cross_review_answer",
    "cross_review_draw",
    "cross_review_finding",
    "evidence_of",
    "finding_add",
    "finding_close",
    "finding_mark_overdue",
    "finding_rectify",
    "finding_report",
    "finding_return",
    "occasion_record",
]

OCCASION_KINDS = {OrgKind.STATION, OrgKind.BRIGADE, OrgKind.FULLTIME_BRIGADE}
MAX_SAMPLE = 200


def _actor(by: Any) -> Any:
    return by if getattr(by, "pk", None) else None


def _require(by: Any, model: type, action: str) -> None:
    if by is not None and not has_action(by, model, action):
        raise PermissionDeniedError(_("您没有执行此操作的权限。"))


def _created(obj: Any, by: Any) -> Any:
    obj.created_by = obj.updated_by = _actor(by)
    obj.full_clean()
    obj.save()
    return obj


def _audit_created(obj: Any, by: Any) -> None:
    audit.record(audit.AuditAction.CREATE, by=by, obj=obj, changes=audit.diff({}, audit.snapshot(obj)))


# ------------------------------------------------------------------------------------------ 三个必到


@transaction.atomic
def occasion_record(
    *, by: Any, occasion: str, organization: Organization, occurred_on: dt.date, description: str,
    today: dt.date | None = None,
) -> MustAttendOccasion:  # fmt: skip
    """Record a "三个必到" occasion (a major incident, a major problem …) at a station or brigade; the due date
    follows the rule's ``within_days``."""
    _require(by, MustAttendOccasion, "add")
    policy = must_attend_policy()
    rule = policy.get(occasion)
    if rule is None or rule.trigger != "recorded":
        raise ValidationError({"occasion": _("“%(code)s”不是需要登记的必到情形。") % {"code": occasion}})
    if organization.kind not in OCCASION_KINDS:
        raise ValidationError({"organization": _("必到事项应登记在消防救援站或大队。")})
    if occurred_on > (today or timezone.localdate()):
        raise ValidationError({"occurred_on": _("发生日期不能晚于今天。")})
    if not description.strip():
        raise ValidationError({"description": _("请填写情况说明。")})
    record = _created(
        MustAttendOccasion(
            occasion=rule.code, rules_version=policy.version, organization=organization,
            region_id=organization.region_id, occurred_on=occurred_on, due_on=rule.window(occurred_on)[1],
            description=description.strip(),
        ),
        by,
    )  # fmt: skip
    ensure_in_scope(record, by=by, action="add")
    _audit_created(record, by)
    return record


# ------------------------------------------------------------------------------------------ activities


def _detachment_of(org: Organization) -> Organization:
    seen = 0
    while org.kind != OrgKind.DETACHMENT and org.parent_id is not None and seen < 10:
        org, seen = org.parent, seen + 1
    return org


@transaction.atomic
def activity_create(
    *, by: Any, kind: str, title: str, units: Iterable[Organization], team: Iterable[Person],
    starts_on: dt.date, ends_on: dt.date, leader: Person | None = None, summary: str = "",
    organizer: Organization | None = None,
) -> SupervisionActivity:  # fmt: skip
    """A supervision activity of the detachment: its scope (stations, brigades, offices of the corps), its
    team and its period. A 主官带队督察 names the leading chief."""
    _require(by, SupervisionActivity, "add")
    units, team = list(units), list(team)
    if organizer is None:
        person = getattr(by, "person", None)
        if person is None:
            raise ValidationError(_("无法确定组织单位。"))
        organizer = _detachment_of(person.organization)
    if kind not in ActivityKind.values:
        raise ValidationError({"kind": _("请选择监督检查类别。")})
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("结束日期不能早于开始日期。")})
    if not units and kind != ActivityKind.CROSS_REVIEW:
        raise ValidationError({"units": _("请选择检查范围（队站、机关处室）。")})
    if any(u.kind not in FIRE_SERVICE_KINDS for u in units):
        raise ValidationError({"units": _("检查范围只能是消防救援队伍的队站、机关处室。")})
    if not team:
        raise ValidationError({"team": _("请选择检查组成员。")})
    if kind == ActivityKind.CHIEF_INSPECTION and leader is None:
        raise ValidationError({"leader": _("主官带队督察应填写带队领导。")})
    activity = _created(
        SupervisionActivity(
            kind=kind, title=title.strip(), organizer=organizer, region_id=organizer.region_id, leader=leader,
            starts_on=starts_on, ends_on=ends_on, summary=summary,
        ),
        by,
    )  # fmt: skip
    activity.units.set(units)
    activity.team.set(team)
    ensure_in_scope(activity, by=by, action="add")
    _audit_created(activity, by)
    return activity


# ------------------------------------------------------------------------------------------ findings


@dataclass(frozen=True)
class Move:
    """One row of the findings' transition table: where the move may start, where it goes (``None``: an
    open finding becomes 整改中, an overdue one stays overdue), the role action it needs, and its verb."""

    sources: tuple[str, ...]
    target: str | None
    action: str | None
    verb: Any


MOVES: dict[str, Move] = {
    "rectify": Move((S.OPEN, S.RECTIFYING, S.OVERDUE), None, "rectify", gettext_lazy("登记整改情况")),
    "report": Move((S.OPEN, S.RECTIFYING, S.OVERDUE), S.REPORTED, "rectify", gettext_lazy("报告整改完成")),
    "return": Move((S.REPORTED,), S.RECTIFYING, "close", gettext_lazy("退回整改")),
    "close": Move((S.REPORTED,), S.CLOSED, "close", gettext_lazy("销号")),
    "overdue": Move((S.OPEN, S.RECTIFYING), S.OVERDUE, None, gettext_lazy("标记逾期")),
}


def _lock(finding: SupervisionFinding, *, by: Any, move: str, expected_version: int | None):
    row = MOVES[move]
    return workflow.lock(
        finding, by=by, allowed=row.sources, verb=str(row.verb), expected_version=expected_version,
        action=row.action if by is not None else None,
    )  # fmt: skip


def _responsible_ok(activity: SupervisionActivity, responsible: Organization) -> bool:
    review = getattr(activity, "cross_review", None) if activity.kind == ActivityKind.CROSS_REVIEW else None
    if review is not None:
        return responsible.pk == review.brigade_id or responsible.parent_id == review.brigade_id
    scope = set(activity.units.values_list("pk", flat=True))
    return responsible.pk in scope or responsible.parent_id in scope


def _new_finding(
    *, by: Any, activity: SupervisionActivity, responsible: Organization, description: str, deadline: dt.date,
    requirement: str, review_item: CrossReviewItem | None, today: dt.date | None,
) -> SupervisionFinding:  # fmt: skip
    if not description.strip():
        raise ValidationError({"description": _("请填写问题描述。")})
    if not _responsible_ok(activity, responsible):
        raise ValidationError({"responsible": _("整改责任单位应在本次活动的检查范围内。")})
    if deadline < (today or timezone.localdate()):
        raise ValidationError({"deadline": _("整改期限不能早于今天。")})
    finding = _created(
        SupervisionFinding(
            activity=activity, responsible=responsible, region_id=responsible.region_id,
            description=description.strip(), requirement=requirement.strip(), deadline=deadline,
            review_item=review_item,
        ),
        by,
    )  # fmt: skip
    _audit_created(finding, by)
    workflow.begin(finding, by=by)
    return finding


@transaction.atomic
def finding_add(
    *, by: Any, activity: SupervisionActivity, responsible: Organization, description: str, deadline: dt.date,
    requirement: str = "", today: dt.date | None = None,
) -> SupervisionFinding:  # fmt: skip
    """A problem the activity found, for a unit in its scope, with a deadline for rectification."""
    _require(by, SupervisionFinding, "add")
    ensure_in_scope(activity, by=by, action="view")
    finding = _new_finding(
        by=by, activity=activity, responsible=responsible, description=description, deadline=deadline,
        requirement=requirement, review_item=None, today=today,
    )  # fmt: skip
    ensure_in_scope(finding, by=by, action="add")
    return finding


def _entry(current: str, text: str, at: dt.datetime) -> str:
    line = f"{date_format(timezone.localtime(at), 'Y-m-d')} {text.strip()}"
    return f"{current}\n{line}".strip()


def evidence_of(finding: SupervisionFinding):
    return StoredFile.objects.filter(owner_type=finding._meta.label_lower, owner_id=str(finding.pk)).order_by(
        "pk"
    )


@transaction.atomic
def finding_rectify(
    *, finding: SupervisionFinding, by: Any, text: str, expected_version: int | None = None
) -> SupervisionFinding:
    """The responsible unit records what it has done (整改情况); an open finding becomes 整改中."""
    if not text.strip():
        raise ValidationError({"text": _("请填写整改情况。")})
    current = _lock(finding, by=by, move="rectify", expected_version=expected_version)
    at = timezone.now()
    current.rectification = _entry(current.rectification, text, at)
    to = S.RECTIFYING if current.status == S.OPEN else None
    return workflow.advance(current, by=by, to=to, reason=text.strip(), at=at)


@transaction.atomic
def finding_report(
    *, finding: SupervisionFinding, by: Any, text: str, evidence: Sequence[Any] = (),
    expected_version: int | None = None,
) -> SupervisionFinding:  # fmt: skip
    """The responsible unit reports the rectification done, with evidence (photos or PDF, checked by content
    and size); a report without any evidence is refused."""
    if not text.strip():
        raise ValidationError({"text": _("请填写整改完成情况。")})
    current = _lock(finding, by=by, move="report", expected_version=expected_version)
    stored = [store_upload(f, owner=current, by=by, purpose="evidence", allow_pdf=True).pk for f in evidence]
    if not stored and not evidence_of(current).exists():
        raise ValidationError({"evidence": _("报告整改完成时应上传整改佐证材料（照片或 PDF）。")})
    at = timezone.now()
    current.rectification = _entry(current.rectification, text, at)
    current.reported_at = at
    return workflow.advance(
        current, by=by, to=S.REPORTED, reason=text.strip(), at=at, data={"evidence": stored}
    )


@transaction.atomic
def finding_return(
    *, finding: SupervisionFinding, by: Any, reason: str, expected_version: int | None = None
) -> SupervisionFinding:
    """The supervisors send a reported finding back: the evidence does not show it fixed."""
    if not reason.strip():
        raise ValidationError({"reason": _("退回整改时应说明理由。")})
    current = _lock(finding, by=by, move="return", expected_version=expected_version)
    current.reported_at = None
    return workflow.advance(current, by=by, to=S.RECTIFYING, reason=reason.strip())


@transaction.atomic
def finding_close(
    *, finding: SupervisionFinding, by: Any, note: str = "", expected_version: int | None = None
) -> SupervisionFinding:
    """The supervisors close (销号) a reported finding whose evidence shows it fixed."""
    current = _lock(finding, by=by, move="close", expected_version=expected_version)
    if not evidence_of(current).exists():
        raise ValidationError({"note": _("没有整改佐证材料，不能销号。")})
    current.closed_at = timezone.now()
    return workflow.advance(current, by=by, to=S.CLOSED, reason=note.strip() or _("整改到位，予以销号"))


def finding_mark_overdue(*, finding: SupervisionFinding, today: dt.date) -> bool:
    """The sweep's move: an open or rectifying finding past its deadline becomes 逾期未整改. The row lock and
    the status guard make a second (or parallel) run do nothing twice."""
    try:
        with transaction.atomic():
            current = _lock(finding, by=None, move="overdue", expected_version=None)
            if current.deadline >= today:
                return False
            reason = _("超过整改期限（%(d)s）未整改完成") % {"d": date_format(current.deadline, "Y-m-d")}
            workflow.advance(current, by=None, to=S.OVERDUE, reason=reason)
    except workflow.IllegalTransition:
        return False
    return True


# ------------------------------------------------------------------------------------------ cross-review


def _check_reviewers(activity: SupervisionActivity, brigade: Organization) -> None:
    own = [p.name for p in activity.team.select_related("organization")
           if p.organization_id == brigade.pk or p.organization.parent_id == brigade.pk]  # fmt: skip
    if own:
        raise ValidationError(
            {
                "brigade": _("交叉巡查不得由本大队人员巡查本大队案卷（%(names)s）。")
                % {"names": "、".join(own)}
            }
        )


@transaction.atomic
def cross_review_draw(
    *, by: Any, activity: SupervisionActivity, brigade: Organization, period_start: dt.date,
    period_end: dt.date, sample_size: int, seed: int | None = None, today: dt.date | None = None,
) -> CrossReview:  # fmt: skip
    """Draw the sample of ``brigade``'s inspection and hazard records of the period with ``seed`` (a new
    random one when not given; stored, so the same seed, period and records draw the same sample), and
    compute the checklist points that the records answer."""
    _require(by, CrossReview, "add")
    ensure_in_scope(activity, by=by, action="view")
    if activity.kind != ActivityKind.CROSS_REVIEW:
        raise ValidationError({"activity": _("只有“消防执法网上交叉巡查”活动可以抽取案卷。")})
    if CrossReview.objects.filter(activity=activity).exists():
        raise ValidationError({"activity": _("本次交叉巡查已经抽取案卷。")})
    if brigade.kind != OrgKind.BRIGADE:
        raise ValidationError({"brigade": _("被巡查单位应为消防救援大队。")})
    if period_end < period_start:
        raise ValidationError({"period_end": _("巡查期间止不能早于起。")})
    if not 1 <= sample_size <= MAX_SAMPLE:
        raise ValidationError({"sample_size": _("抽样数量应在 1 至 %(n)d 之间。") % {"n": MAX_SAMPLE}})
    _check_reviewers(activity, brigade)
    seed = secrets.randbits(48) if seed is None else int(seed)
    sample = sampling.draw(brigade=brigade, start=period_start, end=period_end, size=sample_size, seed=seed)
    checklist = review_checklist()
    review = _created(
        CrossReview(
            activity=activity, brigade=brigade, period_start=period_start, period_end=period_end,
            sample_size=sample_size, seed=seed, population=sample.population, checklist_version=checklist.version,
        ),
        by,
    )  # fmt: skip
    today = today or timezone.localdate()
    CrossReviewItem.objects.bulk_create(
        sampling.items_for(review, sample.records, checklist=checklist, today=today)
    )
    audit.record(
        audit.AuditAction.CREATE, by=by, obj=review, changes=audit.diff({}, audit.snapshot(review)),
        reason=_("抽取 %(n)d 件案卷") % {"n": len(sample.records)},
    )  # fmt: skip
    return review


@transaction.atomic
def cross_review_answer(
    *, item: CrossReviewItem, by: Any, answers: Mapping[str, bool], note: str = "",
    expected_version: int | None = None,
) -> CrossReviewItem:  # fmt: skip
    """A reviewer's answers to the checklist points of one drawn record (each met or not) and a note."""
    _require(by, CrossReviewItem, "review")
    if by is not None and not CrossReviewItem.objects.visible_to(by, "review").filter(pk=item.pk).exists():
        raise OutOfScope(_("该记录不在您的管辖范围内。"))
    current = CrossReviewItem.objects.select_for_update().get(pk=item.pk)
    if expected_version is not None and current.version != expected_version:
        who = current.reviewed_by.get_username() if current.reviewed_by else _("其他用户")
        when = (
            date_format(timezone.localtime(current.reviewed_at), "Y-m-d H:i") if current.reviewed_at else ""
        )
        raise ConcurrencyError(
            _("该案卷已被%(who)s于%(when)s巡查，请刷新后再操作。") % {"who": who, "when": when}
        )
    codes = {p.code for p in review_checklist().for_type(current.record_type)}
    unknown = set(answers) - codes
    if unknown:
        raise ValidationError(
            {"answers": _("未知的巡查要点：%(codes)s") % {"codes": "、".join(sorted(unknown))}}
        )
    missing = codes - set(answers)
    if missing:
        raise ValidationError({"answers": _("请对每个巡查要点作出结论。")})
    before = audit.snapshot(current)
    current.answers = {code: bool(value) for code, value in answers.items()}
    current.note = note.strip()
    current.reviewed_at, current.reviewed_by = timezone.now(), _actor(by)
    current.version += 1
    current.save()
    audit.record(
        audit.AuditAction.UPDATE, by=by, obj=current, changes=audit.diff(before, audit.snapshot(current))
    )
    return current


@transaction.atomic
def cross_review_finding(
    *, item: CrossReviewItem, by: Any, description: str, deadline: dt.date, requirement: str = "",
    today: dt.date | None = None,
) -> SupervisionFinding:  # fmt: skip
    """A problem of a drawn record becomes a finding of the brigade that owns the record (the reviewer needs
    to be able to review the item; the brigade's chain then sees and rectifies it)."""
    _require(by, CrossReviewItem, "review")
    if by is not None and not CrossReviewItem.objects.visible_to(by, "review").filter(pk=item.pk).exists():
        raise OutOfScope(_("该记录不在您的管辖范围内。"))
    review = item.review
    return _new_finding(
        by=by, activity=review.activity, responsible=review.brigade, description=description, deadline=deadline,
        requirement=requirement, review_item=item, today=today,
    )  # fmt: skip
