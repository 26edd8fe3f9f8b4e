"""The major-hazard determination record (重大火灾隐患判定记录) and its procedure: the engine's suggestion stored
beside the inputs, the collective discussion (≥ 3 participants), an optional expert panel (≥ 7 members,
interested parties heard but never members, passing with ≥ 2/3 of the members), and the human conclusion
— which, when it differs from the suggestion, must say why. A major conclusion makes the hazard major.

Thresholds come from ``hazards/rules/supervision.yaml``; the rules of GB 35181 from the engine
(``hazards/supervision/determination.py``), whose behaviour this module does not change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from flameblue.core import audit, workflow
from flameblue.core.errors import DomainError, OutOfScope, PermissionDeniedError
from flameblue.core.scoping import has_action
from flameblue.core.services import ensure_in_scope
from flameblue.hazards.choices import DeterminationStage, HazardGrade
from flameblue.hazards.models import Hazard, MajorHazardDetermination
from flameblue.hazards.supervision import determination as engine

__all__ = [
    "catalogue",
    "determination_conclude",
    "determination_create",
    "determination_record_discussion",
    "determination_record_panel",
    "hazard_set_grade",
    "loaded_standards",
    "panel_passes",
    "suggestion",
    "supervision_rules",
]

RULES = Path(__file__).resolve().parent.parent / "rules" / "supervision.yaml"


@lru_cache(maxsize=1)
def supervision_rules() -> dict[str, Any]:
    """The procedure thresholds and listing rules (``rules/supervision.yaml``)."""
    return yaml.safe_load(RULES.read_text(encoding="utf-8"))


def _procedure() -> dict[str, int]:
    return supervision_rules()["determination"]


def loaded_standards() -> list[str]:
    """Codes of the standards whose element catalogue is loaded (selectable for a determination)."""
    codes = []
    for code in engine._files():
        try:
            engine.load_standard(code)
        except engine.DeterminationError:
            continue
        codes.append(code)
    return codes


def catalogue(standard: str) -> list[dict[str, Any]]:
    """The elements of ``standard`` grouped by chapter for the picking form: the direct elements (2017 ch. 6,
    2025 ch. 5), then each comprehensive group (2017 7.1 总平面布置 …, 2025 6.1 …) with its clause texts."""
    std = engine.load_standard(standard)
    raw = yaml.safe_load(engine._files()[std.code].read_text(encoding="utf-8"))
    names = {str(k): str(v) for k, v in (raw.get("element_groups") or {}).items()}
    chapter = next(iter(std.direct), "6").split(".")[0]
    groups = [
        {
            "code": chapter,
            "title": _("直接判定要素（第%(n)s章）") % {"n": chapter},
            "elements": list(std.direct.values()),
        }
    ]
    by_group: dict[str, list[engine.Element]] = {}
    for element in std.comprehensive.values():
        by_group.setdefault(".".join(element.clause.split(".")[:2]), []).append(element)
    for code, elements in by_group.items():
        title = _("综合判定要素 %(code)s %(name)s") % {"code": code, "name": names.get(code, "")}
        groups.append({"code": code, "title": title.strip(), "elements": elements})
    return groups


def suggestion(
    *,
    standard: str | None,
    categories: Sequence[str],
    elements: Sequence[str],
    corrected_on_spot: Sequence[str] = (),
    exclusions: Sequence[str] = (),
    found_on: dt.date | None = None,
) -> engine.Result:
    """The engine's suggestion for the inputs (raises :class:`DeterminationError` naming a bad input);
    an empty ``standard`` means the version in force on ``found_on``."""
    return engine.judge(
        standard,
        list(categories),
        list(elements),
        list(corrected_on_spot),
        list(exclusions),
        found_on=found_on,
    )


def _result_record(result: engine.Result) -> dict[str, Any]:
    return {
        **result.as_output(),
        "standard": result.standard,
        "version": result.version,
        "counted": list(result.counted),
        "set_aside": list(result.set_aside),
    }


def _may_act_on(hazard: Hazard, *, by: Any, action: str) -> None:
    if by is None:
        return
    if not has_action(by, MajorHazardDetermination, action):
        raise PermissionDeniedError(_("您没有办理重大火灾隐患判定的权限。"))
    if not Hazard.objects.visible_to(by, "view").filter(pk=hazard.pk).exists():
        raise OutOfScope(_("该隐患不在您的管辖范围内。"))


@transaction.atomic
def determination_create(
    *,
    hazard: Hazard,
    by: Any,
    elements: Sequence[str],
    standard: str | None = None,
    categories: Sequence[str] = (),
    corrected_on_spot: Sequence[str] = (),
    exclusions: Sequence[str] = (),
    found_on: dt.date | None = None,
    at: dt.datetime | None = None,
) -> MajorHazardDetermination:
    """Open a determination record: run the engine and keep its suggestion, warnings and rule-set version
    beside the inputs. Without ``standard`` the version in force on the finding's date judges (2017 up to
    2025-10-31, 2025 from 2025-11-01); naming 2017 for a later finding is allowed but warns."""
    _may_act_on(hazard, by=by, action="add")
    if not elements:
        raise DomainError(_("请至少选择一项判定要素。"), field="elements")
    found_on = found_on or timezone.localtime(hazard.found_at).date()
    try:
        result = suggestion(
            standard=standard, categories=categories, elements=elements,
            corrected_on_spot=corrected_on_spot, exclusions=exclusions, found_on=found_on,
        )  # fmt: skip
    except engine.DeterminationError as exc:
        raise DomainError(exc.message, field=exc.field) from exc
    actor = by if getattr(by, "pk", None) else None
    det = MajorHazardDetermination.objects.create(
        hazard=hazard, standard=result.standard, ruleset_version=result.version,
        categories=list(dict.fromkeys(categories)), elements=list(dict.fromkeys(elements)),
        corrected_on_spot=list(dict.fromkeys(corrected_on_spot)), exclusions=list(dict.fromkeys(exclusions)),
        engine_result=_result_record(result), engine_warnings=list(result.warnings), found_on=found_on,
        created_by=actor, updated_by=actor, created_at=at or timezone.now(), updated_at=at or timezone.now(),
    )  # fmt: skip
    ensure_in_scope(det, by=by, action="add")
    audit.record(audit.AuditAction.CREATE, by=by, obj=det, changes=audit.diff({}, audit.snapshot(det)))
    workflow.begin(det, by=by, at=det.created_at, status_field="stage")
    return det


def _lock_open(
    det: MajorHazardDetermination, *, by: Any, verb: str, expected_version: int | None = None
) -> MajorHazardDetermination:
    """Lock the record while it is open (no conclusion yet): a concluded record is not changed again."""
    return workflow.lock(
        det, by=by, allowed=(DeterminationStage.OPEN,), verb=verb, expected_version=expected_version,
        noun=_("判定记录"), status_field="stage",
    )  # fmt: skip


def _save(
    det: MajorHazardDetermination, *, by: Any, reason: str = "", at: dt.datetime | None = None
) -> MajorHazardDetermination:
    return workflow.advance(det, by=by, reason=reason, at=at, audit_action=audit.AuditAction.UPDATE)


def _text(row: Mapping[str, Any], key: str) -> str:
    return str(row.get(key) or "").strip()


@transaction.atomic
def determination_record_discussion(
    *,
    det: MajorHazardDetermination,
    by: Any,
    participants: Sequence[Mapping[str, Any]],
    minutes: str,
    expected_version: int | None = None,
    at: dt.datetime | None = None,
) -> MajorHazardDetermination:
    """集体讨论: at least three participants, each with a name and a role, and the minutes."""
    det = _lock_open(det, by=by, verb=_("修改集体讨论记录"), expected_version=expected_version)
    rows = [{"name": _text(p, "name"), "role": _text(p, "role")} for p in participants if _text(p, "name")]
    if any(not row["role"] for row in rows):
        raise DomainError(_("请填写每位参加人的职务或身份。"), field="participants")
    minimum = _procedure()["discussion_min_participants"]
    if len({row["name"] for row in rows}) < minimum:
        raise DomainError(_("集体讨论参加人不得少于%(n)d人。") % {"n": minimum}, field="participants")
    minutes = (minutes or "").strip()
    if not minutes:
        raise DomainError(_("请填写集体讨论纪要。"), field="minutes")
    det.discussion_participants, det.discussion_minutes = rows, minutes
    det.discussion_at = at or timezone.now()
    return _save(det, by=by, reason=_("记录集体讨论"), at=det.discussion_at)


def panel_passes(members: int, votes_for: int) -> bool:
    """Whether ``votes_for`` reach the share of the panel's members the rules require (≥ 2/3, inclusive):
    5 of 7 passes, 4 of 7 fails, 6 of 9 passes. Integer arithmetic, so the edge is exact."""
    rule = _procedure()
    return (
        members > 0 and votes_for * rule["panel_pass_denominator"] >= members * rule["panel_pass_numerator"]
    )


def _panel_members(members: Sequence[Mapping[str, Any]]) -> list[dict[str, str]]:
    rows = []
    for member in members:
        name = _text(member, "name")
        if not name:
            continue
        if member.get("interested"):
            raise DomainError(
                _("“%(name)s”与该隐患有利害关系，不得担任专家组成员，可作为列席人员陈述意见。")
                % {"name": name},
                field="members",
            )
        organisation = _text(member, "organisation")
        if not organisation:
            raise DomainError(_("请填写专家“%(name)s”的工作单位。") % {"name": name}, field="members")
        rows.append({"name": name, "organisation": organisation})
    return rows


@transaction.atomic
def determination_record_panel(
    *,
    det: MajorHazardDetermination,
    by: Any,
    members: Sequence[Mapping[str, Any]],
    votes_for: int,
    votes_against: int,
    heard: Sequence[Mapping[str, Any]] = (),
    expected_version: int | None = None,
) -> MajorHazardDetermination:
    """专家组论证: at least seven members (name, organisation), none an interested party — those are listed
    separately as heard — and the vote; the panel's view passes with at least two thirds of the members."""
    det = _lock_open(det, by=by, verb=_("修改专家组论证记录"), expected_version=expected_version)
    rows = _panel_members(members)
    minimum = _procedure()["panel_min_members"]
    if len({row["name"] for row in rows}) < minimum:
        raise DomainError(_("专家组成员不得少于%(n)d人。") % {"n": minimum}, field="members")
    if votes_for < 0 or votes_against < 0:
        raise DomainError(_("票数不能为负数。"), field="votes_for")
    if votes_for + votes_against > len(rows):
        raise DomainError(
            _("同意票与反对票合计（%(v)d）超过专家组成员人数（%(n)d）。")
            % {"v": votes_for + votes_against, "n": len(rows)},
            field="votes_for",
        )
    det.expert_panel = rows
    det.expert_heard = [
        {"name": _text(h, "name"), "organisation": _text(h, "organisation")}
        for h in heard
        if _text(h, "name")
    ]
    det.expert_votes_for, det.expert_votes_against = votes_for, votes_against
    det.expert_passed = panel_passes(len(rows), votes_for)
    return _save(det, by=by, reason=_("记录专家组论证"))


@transaction.atomic
def determination_conclude(
    *,
    det: MajorHazardDetermination,
    by: Any,
    is_major: bool,
    conclusion: str,
    proposed_measures: str = "",
    proposed_deadline: dt.date | None = None,
    reason: str = "",
    expected_version: int | None = None,
    at: dt.datetime | None = None,
) -> MajorHazardDetermination:
    """The human conclusion, after the collective discussion. A conclusion that differs from the engine's
    suggestion needs a reason. A major conclusion makes the hazard's grade major."""
    det = _lock_open(det, by=by, verb=_("再次作出结论"), expected_version=expected_version)
    if det.discussion_at is None:
        raise DomainError(_("须先经集体讨论，才能作出判定结论。"))
    conclusion = (conclusion or "").strip()
    if not conclusion:
        raise DomainError(_("请填写结论说明。"), field="conclusion")
    reason = (reason or "").strip()
    suggested = bool(det.engine_result.get("major"))
    if bool(is_major) != suggested and not reason:
        raise DomainError(_("结论与系统建议不一致，请写明理由。"), field="reason")
    det.is_major = bool(is_major)
    det.conclusion, det.deviation_reason = conclusion, reason
    det.proposed_measures = (proposed_measures or "").strip()
    det.proposed_deadline = proposed_deadline
    det.decided_at = at or timezone.now()
    det.decided_by = by if getattr(by, "pk", None) else None
    _save(det, by=by, reason=_("作出判定结论"), at=det.decided_at)
    if det.is_major:
        hazard_set_grade(
            hazard=det.hazard, grade=HazardGrade.MAJOR, by=by,
            reason=_("经重大火灾隐患判定（记录 #%(pk)d）") % {"pk": det.pk},
        )  # fmt: skip
    return det


@transaction.atomic
def hazard_set_grade(*, hazard: Hazard, grade: str, by: Any, reason: str) -> Hazard:
    """Change a hazard's grade outside its status transitions (a determination's conclusion): the status
    does not move, so no transition row; an audited update with the reason instead."""
    if grade not in HazardGrade.values:
        raise DomainError(_("请选择隐患等级。"), field="grade")
    ensure_in_scope(hazard, by=by, action="change")
    current = Hazard.objects.select_for_update().get(pk=hazard.pk)
    if current.grade == grade:
        return current
    before = audit.snapshot(current)
    current.grade = grade
    current.version += 1
    current.updated_at = timezone.now()
    current.updated_by = by if getattr(by, "pk", None) else None
    current.save(update_fields=["grade", "version", "updated_at", "updated_by"])
    audit.record(
        audit.AuditAction.UPDATE, by=by, obj=current, changes=audit.diff(before, audit.snapshot(current)),
        reason=reason,
    )  # fmt: skip
    hazard.grade, hazard.version = current.grade, current.version
    return current
