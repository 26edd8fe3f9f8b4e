"""Writes of the inspections app. Checklists: publishing a version (发布检查表); items are never edited here —
a change to a checklist is a new version loaded from its data file. Inspections: starting one (scope-checked
per kind), saving answers as the inspector goes (idempotent per item), submitting (idempotent: a retried or
doubled submit lands once) with findings and hazards, and the signed Word record."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from flameblue.core import audit
from flameblue.core.errors import ConcurrencyError, DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.notify_models import StoredFile
from flameblue.core.scoping import action_name, grants, has_action
from flameblue.core.services import ensure_in_scope
from flameblue.core.uploads import store_upload
from flameblue.inspections import record
from flameblue.inspections.choices import (
    AnswerResult,
    ChecklistKind,
    ChecklistStatus,
    InspectionKind,
    InspectionStatus,
)
from flameblue.inspections.faults import fault_wording
from flameblue.inspections.grading import exclusions_for, suggest
from flameblue.inspections.kinds import KindRule, is_small_place, kind_rule
from flameblue.inspections.measurements import evaluate
from flameblue.inspections.models import Checklist, ChecklistItem, Finding, Inspection, InspectionAnswer
from flameblue.org.selectors import active_memberships_for_user
from flameblue.units.models import Unit

__all__ = [
    "answer_photo_add",
    "answer_save",
    "checklist_for",
    "checklist_publish",
    "findings_to_hazards",
    "inspection_record_docx",
    "inspection_start",
    "inspection_submit",
    "startable_kinds",
    "startable_kinds_for",
    "starting_organization",
]


def _transition(checklist: Checklist, *, to: str, by: Any, reason: str = "") -> None:
    before = checklist.status
    now = timezone.now()
    checklist.status = to
    if to == ChecklistStatus.PUBLISHED:
        checklist.published_at = now
        checklist.published_by = by if getattr(by, "pk", None) else None
    elif to == ChecklistStatus.RETIRED:
        checklist.retired_at = now
    checklist.version += 1
    checklist.updated_at = now
    checklist.updated_by = by if getattr(by, "pk", None) else None
    checklist.save()
    audit.record(
        audit.AuditAction.TRANSITION, by=by, obj=checklist, changes={"status": [before, to]}, reason=reason
    )


@transaction.atomic
def checklist_publish(*, checklist: Checklist, by: Any, expected_version: int | None = None) -> Checklist:
    """Publish a draft checklist version; the version of the same code published until now is retired.

    Raises ``DomainError`` when the version is not a draft or has no items, ``ConcurrencyError`` when
    someone changed it since the caller loaded it."""
    ensure_in_scope(checklist, by=by, action="publish")
    versions = list(Checklist.objects.select_for_update().filter(code=checklist.code).order_by("pk"))
    current = next(c for c in versions if c.pk == checklist.pk)
    if expected_version is not None and current.version != expected_version:
        raise ConcurrencyError(_("该检查表已被其他人修改，请刷新后重试。"))
    if current.status != ChecklistStatus.DRAFT:
        raise DomainError(
            _("只有草稿状态的检查表可以发布；%(title)s 当前为“%(status)s”。")
            % {"title": current, "status": current.get_status_display()}
        )
    if not current.items.exists():
        raise DomainError(_("检查表 %(title)s 没有检查项，不能发布。") % {"title": current})
    for other in versions:
        if other.pk != current.pk and other.status == ChecklistStatus.PUBLISHED:
            _transition(
                other,
                to=ChecklistStatus.RETIRED,
                by=by,
                reason=_("发布新版本 %(e)s") % {"e": current.edition},
            )
    _transition(current, to=ChecklistStatus.PUBLISHED, by=by)
    return current


# --- Inspections (检查记录) ------------------------------------------------------------------------------

MAX_NOTE = 2000
MAX_LOCATION = 100
MAX_PHOTOS_PER_ITEM = 9
MAX_SIGNATURE_CHARS = 2_000_000
_SOCIAL_UNIT = "social_unit"


def _actor(by: Any):
    return by if getattr(by, "pk", None) else None


def _snapshot(inspection: Inspection) -> dict[str, Any]:
    # core.audit keeps JSON-native values; the client UUID is not one.
    data = audit.snapshot(inspection)
    if data.get("client_uuid") is not None:
        data["client_uuid"] = str(data["client_uuid"])
    return data


def _covers(membership: Any, unit: Unit) -> bool:
    scope = membership.scope()
    if scope.unit_id is not None:
        return unit.organization_id == scope.unit_id
    if scope.region_prefix and not unit.region_id.startswith(scope.region_prefix):
        return False
    return not (scope.industry and unit.industry_id != scope.industry)


def _adding_memberships(by: Any) -> list[Any]:
    wanted = action_name(Inspection, "add")
    return [m for m in active_memberships_for_user(by) if grants(m.role.actions, wanted)]


def startable_kinds(by: Any) -> list[tuple[str, str]]:
    """The inspection kinds ``by`` may start somewhere, as (value, label) choices."""
    org_kinds = {m.organization.kind for m in _adding_memberships(by)}
    return [(k, label) for k, label in InspectionKind.choices if kind_rule(k).org_kinds & org_kinds]


def startable_kinds_for(by: Any, unit: Unit) -> list[tuple[str, str]]:
    """The inspection kinds ``by`` may start on ``unit`` (for the unit page's 开始检查 button)."""
    if (
        not has_action(by, Inspection, "add")
        or not Unit.objects.visible_to(by, "view").filter(pk=unit.pk).exists()
    ):
        return []
    memberships = _adding_memberships(by)
    return [
        (kind, label)
        for kind, label in InspectionKind.choices
        if any(m.organization.kind in kind_rule(kind).org_kinds and _covers(m, unit) for m in memberships)
    ]


def starting_organization(*, kind: str, unit: Unit, by: Any) -> Any:
    """The organization on whose behalf ``by`` inspects ``unit`` with ``kind``: one of their memberships whose
    organization may start the kind and whose jurisdiction covers the unit (a unit's staff: only their unit;
    a township: its units; a department: its industry; a brigade: its county). Raises PermissionDeniedError."""
    rule = kind_rule(kind)
    for membership in _adding_memberships(by):
        if membership.organization.kind in rule.org_kinds and _covers(membership, unit):
            return membership.organization
    raise PermissionDeniedError(
        _("您不能对“%(unit)s”发起“%(kind)s”。") % {"unit": unit, "kind": InspectionKind(kind).label}
    )


def checklist_for(kind: str, unit: Unit) -> Checklist:
    """The published checklist an inspection of ``kind`` uses for ``unit``: the unit's place-type checklist,
    or for a self-inspection the daily patrol / monthly check form (九小场所: the reduced form)."""
    rule: KindRule = kind_rule(kind)
    small = is_small_place(unit)
    published = Checklist.objects.filter(status=ChecklistStatus.PUBLISHED)
    if rule.is_self_inspection:
        candidates = published.filter(kind=ChecklistKind.SMALL_PLACE if small else rule.checklist)
    else:
        place_type = unit.place_type_id or ("small_places" if small else "")
        if not place_type:
            raise DomainError(
                _("单位“%(unit)s”未登记场所类型，无法选用检查表；请先在单位档案中补充场所类型。")
                % {"unit": unit},
                field="unit",
            )
        candidates = published.filter(kind=ChecklistKind.PLACE, place_type=place_type)
    checklist = candidates.order_by("-effective_from", "-pk").first()
    if checklist is None:
        raise DomainError(_("没有适用于“%(unit)s”的已发布检查表。") % {"unit": unit}, field="checklist")
    return checklist


def _existing_start(client_uuid: uuid.UUID | None, by: Any) -> Inspection | None:
    if client_uuid is None:
        return None
    existing = Inspection.objects.filter(client_uuid=client_uuid).first()
    if existing is not None:
        ensure_in_scope(existing, by=by, action="view")
    return existing


@transaction.atomic
def inspection_start(
    *,
    kind: str,
    unit: Unit,
    by: Any,
    checklist: Checklist | None = None,
    client_uuid: uuid.UUID | str | None = None,
    plan_item: Any = None,
    draw_assignment: Any = None,
    recheck_of: Any = None,
    context_type: str = "",
    context_id: str = "",
    inspected_on: dt.date | None = None,
) -> Inspection:
    """Start a draft inspection of ``unit``. The same ``client_uuid`` (a retried POST from a phone) returns the
    inspection started the first time instead of a second one."""
    if kind not in InspectionKind.values:
        raise DomainError(_("请选择检查类别。"), field="kind")
    if client_uuid is not None and not isinstance(client_uuid, uuid.UUID):
        try:
            client_uuid = uuid.UUID(str(client_uuid))
        except ValueError as exc:
            raise DomainError(_("客户端编号格式不正确。"), field="client_uuid") from exc
    existing = _existing_start(client_uuid, by)
    if existing is not None:
        return existing
    organization = None
    if by is not None:
        if not has_action(by, Inspection, "add"):
            raise PermissionDeniedError(_("您没有发起检查的权限。"))
        if not Unit.objects.visible_to(by, "view").filter(pk=unit.pk).exists():
            raise OutOfScope(_("该单位不在您的管辖范围内。"))
        organization = starting_organization(kind=kind, unit=unit, by=by)
    checklist = checklist or checklist_for(kind, unit)
    if not checklist.is_published:
        raise DomainError(_("检查表 %(c)s 未发布，不能用于检查。") % {"c": checklist}, field="checklist")
    actor = _actor(by)
    inspection = Inspection(
        unit=unit, region_id=unit.region_id, industry_id=unit.industry_id, kind=kind, checklist=checklist,
        client_uuid=client_uuid, organization=organization, inspector=actor,
        inspected_on=inspected_on or timezone.localdate(), plan_item=plan_item, draw_assignment=draw_assignment,
        recheck_of=recheck_of, context_type=context_type, context_id=str(context_id or ""),
        created_by=actor, updated_by=actor,
    )  # fmt: skip
    inspection.full_clean(exclude=["client_uuid"])
    try:
        with transaction.atomic():
            inspection.save()
    except IntegrityError:
        # Two copies of the same start raced: the other one won; hand back its inspection.
        existing = _existing_start(client_uuid, by)
        if existing is None:
            raise
        return existing
    ensure_in_scope(inspection, by=by, action="add")
    audit.record(
        audit.AuditAction.CREATE, by=by, obj=inspection, changes=audit.diff({}, _snapshot(inspection))
    )
    return inspection


def _submitted_message(inspection: Inspection) -> str:
    who = inspection.updated_by
    return _("该检查已由 %(who)s 于 %(when)s 提交，不能再修改；请刷新页面。") % {
        "who": who.get_username() if who else _("其他用户"),
        "when": date_format(timezone.localtime(inspection.submitted_at), "Y-m-d H:i")
        if inspection.submitted_at
        else "",
    }


def _lock_draft(inspection: Inspection, *, by: Any) -> Inspection:
    ensure_in_scope(inspection, by=by, action="change")
    current = Inspection.objects.select_for_update().get(pk=inspection.pk)
    if current.status != InspectionStatus.DRAFT:
        raise ConcurrencyError(_submitted_message(current))
    return current


def _measure(
    item: ChecklistItem, result: str, values: Mapping[str, Any] | None
) -> tuple[dict[str, str] | None, bool | None]:
    """Evaluate a measured item; blank values leave it unmeasured (a draft may be filled in later)."""
    if not item.measurement or result == AnswerResult.NOT_APPLICABLE or not values:
        return None, None
    cleaned = {k: str(values.get(k) or "").strip() for k in ("numerator", "denominator", "variant")}
    if not cleaned["numerator"] and not cleaned["denominator"]:
        return None, None
    outcome = evaluate(item, cleaned)
    if outcome.met and result == AnswerResult.PASS:
        raise ValidationError(
            {
                "result": _(
                    "测量结果 %(ratio)s%% 已达到判定标准（%(cmp)s %(threshold)s%%），该项应判为不合格。"
                )
                % {
                    "ratio": outcome.ratio,
                    "cmp": outcome.comparison,
                    "threshold": outcome.threshold.normalize(),
                }
            }
        )
    stored = {k: v for k, v in cleaned.items() if v}
    stored["ratio"] = str(outcome.ratio)
    return stored, outcome.met


def _client_time(value: dt.datetime | str | None) -> dt.datetime | None:
    """The moment the inspector answered on their device, never later than now (a phone clock may run fast)."""
    if value in (None, ""):
        return None
    parsed = value if isinstance(value, dt.datetime) else parse_datetime(str(value))
    if parsed is None:
        raise ValidationError({"answered_at": _("填写时间格式不正确。")})
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return min(parsed, timezone.now())


def _answer_state(answer: InspectionAnswer | None) -> list[Any]:
    if answer is None:
        return [None, None]
    return [answer.result, answer.note, answer.measurement_values, answer.location, answer.corrected_on_spot]


@transaction.atomic
def answer_save(
    *,
    inspection: Inspection,
    item: ChecklistItem,
    result: str,
    by: Any,
    note: str = "",
    measurement_values: Mapping[str, Any] | None = None,
    answered_at: dt.datetime | str | None = None,
    location: str = "",
    corrected_on_spot: bool = False,
) -> InspectionAnswer:
    """Save (insert or replace) the answer to one item of a draft. Saving the same answer again changes
    nothing. ``answered_at`` is when the inspector answered on the device: an answer synced late from an
    offline phone does not overwrite a newer one (the returned answer then has ``stale = True``)."""
    current = _lock_draft(inspection, by=by)
    if item.checklist_id != current.checklist_id:
        raise ValidationError(
            {"item": _("检查项 %(code)s 不属于本次检查使用的检查表。") % {"code": item.code}}
        )
    if result not in AnswerResult.values:
        raise ValidationError({"result": _("请选择检查结果：合格、不合格或不适用。")})
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise ValidationError({"note": _("说明不能超过 %(n)d 个字。") % {"n": MAX_NOTE}})
    location = (location or "").strip()
    if len(location) > MAX_LOCATION:
        raise ValidationError({"location": _("部位不能超过 %(n)d 个字。") % {"n": MAX_LOCATION}})
    values, met = _measure(item, result, measurement_values)
    when = _client_time(answered_at)
    answer = InspectionAnswer.objects.filter(inspection=current, item=item).first()
    if answer is not None and when is not None and answer.answered_at > when:
        answer.stale = True
        return answer
    before = _answer_state(answer)
    if answer is None:
        answer = InspectionAnswer(inspection=current, item=item)
    answer.result, answer.note, answer.measurement_values, answer.measurement_met = result, note, values, met
    answer.location = location
    # Only a failed item can have been corrected on the spot.
    answer.corrected_on_spot = bool(corrected_on_spot) and result == AnswerResult.FAIL
    answer.answered_at = when or timezone.now()
    answer.save()
    answer.stale = False
    after = _answer_state(answer)
    if before != after:
        audit.record(
            audit.AuditAction.UPDATE, by=by, obj=current, changes={f"answer {item.code}": [before, after]}
        )
    return answer


@transaction.atomic
def answer_photo_add(*, answer: InspectionAnswer, upload: Any, by: Any) -> StoredFile:
    """Attach a photo to an answer through the one upload service (JPEG/PNG checked, EXIF stripped)."""
    current = _lock_draft(answer.inspection, by=by)
    count = StoredFile.objects.filter(
        owner_type="inspections.inspectionanswer", owner_id=str(answer.pk)
    ).count()
    if count >= MAX_PHOTOS_PER_ITEM:
        raise ValidationError({"photo": _("每个检查项最多上传 %(n)d 张照片。") % {"n": MAX_PHOTOS_PER_ITEM}})
    try:
        stored = store_upload(upload, owner=answer, by=by, purpose="photo")
    except ValidationError as exc:
        raise ValidationError({"photo": exc.messages}) from exc
    audit.record(
        audit.AuditAction.UPDATE, by=by, obj=current,
        changes={f"photo {answer.item.code}": [None, stored.original_name]},
    )  # fmt: skip
    return stored


def _required_name(value: str, field: str, label: str, errors: dict[str, list[str]]) -> str:
    value = (value or "").strip()
    if not value:
        errors[field] = [_("请填写%(label)s。") % {"label": label}]
    elif len(value) > 60:
        errors[field] = [_("%(label)s不能超过 60 个字。") % {"label": label}]
    return value


def _answer_errors(inspection: Inspection, answers: list[InspectionAnswer]) -> list[str]:
    answered = {a.item_id for a in answers}
    missing = [i.code for i in inspection.checklist.items.order_by("order") if i.pk not in answered]
    errors = []
    if missing:
        shown = "、".join(missing[:10]) + ("……" if len(missing) > 10 else "")
        errors.append(
            _("尚有 %(n)d 项未填写（%(codes)s），每项须选择合格、不合格或不适用。")
            % {"n": len(missing), "codes": shown}
        )
    for answer in answers:
        if answer.result == AnswerResult.FAIL and answer.item.measurement and answer.measurement_met is None:
            errors.append(
                _("检查项 %(code)s 判为不合格，须填写测量值以判定是否达到 GB 35181 判定标准。")
                % {"code": answer.item.code}
            )
    return errors


def _signature_file(data_url: str | None, *, name: str) -> SimpleUploadedFile | None:
    """A drawn signature arrives as a PNG data URL from the form's canvas."""
    if not data_url:
        return None
    if len(data_url) > MAX_SIGNATURE_CHARS or not data_url.startswith("data:image/png;base64,"):
        raise ValidationError({name: _("手写签名图片无效，请重新签名。")})
    try:
        raw = base64.b64decode(data_url.split(",", 1)[1], validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValidationError({name: _("手写签名图片无效，请重新签名。")}) from exc
    return SimpleUploadedFile(f"{name}.png", raw, content_type="image/png")


def _describe_finding(answer: InspectionAnswer) -> str:
    """The fault found, where: “二层东侧疏散通道：疏散通道、安全出口被占用…（检查项 MAL-012）”, not the
    requirement the item states (the wording rules are data: ``rules/fault-wording.yaml``)."""
    item = answer.item
    text = _("%(location)s：%(fault)s（检查项 %(code)s）") % {
        "location": answer.location or item.section, "fault": fault_wording(item.text), "code": item.code,
    }  # fmt: skip
    if answer.note:
        text += _("；检查说明：%(note)s") % {"note": answer.note}
    values = answer.measurement_values or {}
    if values.get("ratio"):
        text += _("；测量：%(n)s / %(d)s = %(r)s%%") % {
            "n": values.get("numerator"), "d": values.get("denominator"), "r": values["ratio"],
        }  # fmt: skip
    if answer.corrected_on_spot:
        text += _("；已当场改正")
    return text


def _create_findings(inspection: Inspection, answers: list[InspectionAnswer]) -> list[Finding]:
    failed = [a for a in answers if a.result == AnswerResult.FAIL]
    suggestions = suggest(
        failed, inspection.unit, found_on=inspection.inspected_on, exclusions=exclusions_for(inspection.unit)
    )
    return [
        Finding.objects.create(
            inspection=inspection,
            answer=answer,
            description=_describe_finding(answer),
            suggested_grade=suggestions[answer.pk].grade,
            suggested_element=suggestions[answer.pk].element,
        )  # fmt: skip
        for answer in failed
    ]


def findings_to_hazards(inspection: Inspection, by: Any) -> list[Any]:
    """Record each finding without a hazard as a hazard (status found) through the hazards service, with the
    source the inspection kind maps to. Re-inspections record findings only (the hazard they re-inspect moves
    through its own lifecycle). A unit manager may not register hazards themselves; the hazards of their own
    self-inspection are recorded on the inspection's authority (the submit service checked their scope), with
    the submitting user named as the finder so the hazard's timeline says who found it."""
    source = kind_rule(inspection.kind).hazard_source
    if not source:
        return []
    from flameblue.hazards.models import Hazard
    from flameblue.hazards.services import hazard_report

    reporter = by if by is None or has_action(by, Hazard, "add") else None
    hazards = []
    for finding in inspection.findings.filter(hazard=None).select_related("answer__item"):
        item = finding.answer.item
        hazard = hazard_report(
            by=reporter, unit=inspection.unit, description=finding.description, source=source,
            location=finding.answer.location or item.section, grade=finding.suggested_grade, checklist_item=item,
            gb35181_element=finding.suggested_element, source_ref=_("检查记录 #%(pk)s") % {"pk": inspection.pk},
            found_at=inspection.submitted_at, found_by=by,
        )  # fmt: skip
        finding.hazard = hazard
        finding.save(update_fields=["hazard"])
        hazards.append(hazard)
    return hazards


@transaction.atomic
def inspection_submit(
    *,
    inspection: Inspection,
    by: Any,
    inspector_name: str,
    unit_representative_name: str,
    co_inspector_people: Sequence[Any] | None = None,
    summary: str = "",
    inspector_signature: str | None = None,
    unit_signature: str | None = None,
    expected_version: int | None = None,
) -> Inspection:
    """Submit a draft: every item answered (N/A counts), signatures named and timestamped now; each failed item
    becomes a finding with a suggested grade and GB 35181 element, then a hazard. Submitting an inspection that
    is already submitted (a double tap, a retry after a dropped connection) returns it and creates nothing."""
    ensure_in_scope(inspection, by=by, action="change")
    current = Inspection.objects.select_for_update().get(pk=inspection.pk)
    if current.status == InspectionStatus.SUBMITTED:
        return current
    if expected_version is not None and current.version != expected_version:
        raise ConcurrencyError(_("该检查已被其他人修改，请刷新后重试。"))
    errors: dict[str, list[str]] = {}
    inspector_name = _required_name(inspector_name, "inspector_name", _("检查人签名"), errors)
    unit_name = _required_name(
        unit_representative_name, "unit_representative_name", _("被检查单位签名"), errors
    )
    answers = list(current.answers.select_related("item").order_by("item__order"))
    answer_errors = _answer_errors(current, answers)
    if answer_errors:
        errors["answers"] = answer_errors
    drawn = {
        "inspector_signature": _signature_file(inspector_signature, name="inspector_signature"),
        "unit_signature": _signature_file(unit_signature, name="unit_signature"),
    }
    people = _co_inspectors(current, by, co_inspector_people, errors)
    if errors:
        raise ValidationError(errors)
    before = _snapshot(current)
    now = timezone.now()
    current.status, current.submitted_at = InspectionStatus.SUBMITTED, now
    current.inspector_signature_name, current.inspector_signed_at = inspector_name, now
    current.unit_signature_name, current.unit_signed_at = unit_name, now
    current.summary = (summary or "").strip()
    current.version += 1
    current.updated_at, current.updated_by = now, _actor(by)
    current.save()
    current.co_inspector_people.set(people)
    for purpose, upload in drawn.items():
        if upload is not None:
            store_upload(upload, owner=current, by=by, purpose=purpose)
    _create_findings(current, answers)
    findings_to_hazards(current, by)
    audit.record(
        audit.AuditAction.TRANSITION, by=by, obj=current, changes=audit.diff(before, _snapshot(current))
    )
    return current


def co_inspector_choices(inspection: Inspection) -> Any:
    """Who may be named as a co-inspector: active people of the inspecting organization (its staff)."""
    from flameblue.org.models import Person

    if inspection.organization_id is None:
        return Person.objects.none()
    return Person.objects.filter(organization_id=inspection.organization_id, is_active=True).order_by(
        "name", "pk"
    )


def _co_inspectors(
    inspection: Inspection, by: Any, chosen: Sequence[Any] | None, errors: dict[str, list[str]]
) -> list[Any]:
    """The co-inspectors (people, not free text): chosen ones, else those drawn with the inspector; checked
    against the inspecting organization and the minimum of 《消防监督检查规定》第十四条 (two for supervision)."""
    from flameblue.hazards.order120 import inspector_rule_basis, min_inspectors

    if chosen is None or not list(chosen):
        chosen = _drawn_people(inspection)
    allowed = set(co_inspector_choices(inspection).values_list("pk", flat=True))
    lead = getattr(inspection.inspector, "person_id", None) or getattr(by, "person_id", None)
    people = list({p.pk: p for p in chosen if p.pk != lead}.values())
    stranger = [p.name for p in people if p.pk not in allowed]
    if stranger:
        errors["co_inspector_people"] = [
            _("%(names)s 不是检查单位的人员，不能作为同行检查人员。") % {"names": "、".join(stranger)}
        ]
    _refuse_conflicted(inspection, lead, people, errors)
    minimum = min_inspectors(inspection.kind)
    if 1 + len(people) < minimum:
        errors.setdefault("co_inspector_people", []).append(
            _("%(kind)s的检查人员不得少于 %(n)d 人（%(basis)s），请选择同行检查人员。")
            % {"kind": inspection.get_kind_display(), "n": minimum, "basis": inspector_rule_basis()}
        )
    return people


def _refuse_conflicted(inspection: Inspection, lead: int | None, people: list[Any], errors) -> None:
    """An inspector or co-inspector with a declared conflict of interest over the unit (a relative's business,
    an earlier service contract …) may not inspect it, whoever chose them: the refusal names the rule."""
    from flameblue.inspections.planning.conflicts import conflict_reason, conflicts_for

    if kind_rule(inspection.kind).is_self_inspection:
        return
    persons = [pid for pid in [lead, *(p.pk for p in people)] if pid is not None]
    pairs = conflicts_for(persons, [inspection.unit_id], on=inspection.inspected_on)
    for person_id, _unit in sorted(pairs):
        errors.setdefault("co_inspector_people", []).append(
            conflict_reason(person_id, inspection.unit_id, on=inspection.inspected_on)
        )


def _drawn_people(inspection: Inspection) -> list[Any]:
    if inspection.draw_assignment_id is None:
        return []
    users = inspection.draw_assignment.inspectors.select_related("person")
    return [u.person for u in users if u.person_id]


def inspection_record_docx(inspection: Inspection, *, by: Any) -> bytes:
    """The signed inspection record (检查记录) as Word; the download is audited as an export."""
    if inspection.status != InspectionStatus.SUBMITTED:
        raise DomainError(_("检查尚未提交，不能生成检查记录。"))
    data = record.render(inspection)
    audit.record(audit.AuditAction.EXPORT, by=by, obj=inspection, reason=_("下载检查记录（Word）"))
    return data
