"""Annual assessment schemes as data (年度消防工作考核细则): ``rules/assessment-schemes/*.yaml`` checked and
loaded into :class:`~flameblue.governance.models.AssessmentScheme` rows (by a data migration and by
``flameblue load-reference-data``).

A scheme is refused, with the file and the reason in Chinese, when its non-veto weights do not add up to 100,
an item's code repeats, a computed item names no known indicator (or one FlameBlue cannot compute yet), a
manual or veto item names no evidence, a deduction item has no points per event or may deduct more than its
weight, a veto item carries points, or the grades are not ordered from the highest threshold down."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from flameblue.governance.choices import MANUAL_ONLY_INDICATORS, Indicator, MeetingKind, ScoringMethod
from flameblue.org.choices import OrgKind

__all__ = [
    "SCHEMES_DIR",
    "SchemeError",
    "check_scheme",
    "load_assessment_schemes",
    "load_schemes_reference",
    "scheme_rows",
]

SCHEMES_DIR = Path(__file__).resolve().parent / "rules" / "assessment-schemes"
M = ScoringMethod


class SchemeError(ValueError):
    """A scheme file that cannot be used; the message names the file and the item."""


def _decimal(value: Any) -> Decimal:
    return Decimal(str(value)) if value not in (None, "") else Decimal(0)


def _check_item(item: dict[str, Any], where: str) -> None:
    method, weight = item.get("method"), _decimal(item.get("weight"))
    if method not in M.values:
        raise SchemeError(f"{where}：评分方式“{method}”无效，应为 {'、'.join(M.values)} 之一")
    if method == M.COMPUTED:
        indicator = item.get("indicator")
        if indicator not in Indicator.values:
            raise SchemeError(f"{where}：记录计算项须指明已知的计算指标，“{indicator}”不是")
        if indicator in MANUAL_ONLY_INDICATORS:
            raise SchemeError(
                f"{where}：指标“{Indicator(indicator).label}”尚无记录可算，应按人工评分（manual）"
            )
    if method == M.COMPUTED:
        _check_scoring(item.get("scoring") or {}, item.get("indicator"), weight, where)
    elif method == M.DEDUCTION and item.get("scoring"):
        _check_events_from(item["scoring"], where)
    elif item.get("scoring"):
        raise SchemeError(f"{where}：只有记录计算项可写计分规则（scoring）")
    if method in (M.MANUAL, M.VETO) and not str(item.get("evidence") or "").strip():
        raise SchemeError(f"{where}：{M(method).label}项须写明佐证材料（evidence）")
    if method == M.DEDUCTION:
        per_event, cap = _decimal(item.get("per_event")), _decimal(item.get("max_deduction") or weight)
        if per_event <= 0 or not item.get("event"):
            raise SchemeError(f"{where}：扣分项须写明扣分事件（event）和每起扣分（per_event）")
        if cap > weight:
            raise SchemeError(f"{where}：扣分上限 {cap} 超过该项分值 {weight}")
    if method == M.VETO and (weight != 0 or not item.get("event")):
        raise SchemeError(f"{where}：一票否决项分值须为 0，并写明否决事件（event）")
    if method != M.VETO and weight <= 0:
        raise SchemeError(f"{where}：分值须大于 0")


def _check_events_from(scoring: dict[str, Any], where: str) -> None:
    """A deduction item may count its events from the records: ``scoring: {events_from: <indicator>}`` —
    each record the indicator counts as missed is one event."""
    if set(scoring) != {"events_from"}:
        raise SchemeError(f"{where}：扣分项的计分规则只能写 events_from（由记录计算扣分事件）")
    indicator = scoring["events_from"]
    if indicator not in Indicator.values or indicator in MANUAL_ONLY_INDICATORS:
        raise SchemeError(f"{where}：events_from 须为可由记录计算的指标，“{indicator}”不是")


def _check_scoring(scoring: dict[str, Any], indicator: Any, weight: Decimal, where: str) -> None:
    unknown = set(scoring) - {"full_at", "per_point", "per_miss", "targets"}
    if unknown:
        raise SchemeError(f"{where}：计分规则（scoring）有未知的键：{'、'.join(sorted(unknown))}")
    if "per_point" in scoring and "per_miss" in scoring:
        raise SchemeError(f"{where}：计分规则只能按百分点（per_point）或按件（per_miss）扣分，不能两者都写")
    for key in ("per_point", "per_miss"):
        if key in scoring and _decimal(scoring[key]) <= 0:
            raise SchemeError(f"{where}：{key} 须大于 0")
    if "full_at" in scoring and not Decimal(0) < _decimal(scoring["full_at"]) <= 1:
        raise SchemeError(f"{where}：满分线 full_at 应在 0 到 1 之间（如 0.95 表示 95%）")
    if "full_at" in scoring and "per_point" not in scoring:
        raise SchemeError(f"{where}：写了满分线 full_at，还须写每低 1 个百分点扣几分（per_point）")
    targets = scoring.get("targets")
    if indicator == Indicator.COMMITTEE_MEETINGS_HELD:
        if not isinstance(targets, dict) or not targets:
            raise SchemeError(f"{where}：会议次数指标须写明各机制要求次数（scoring.targets）")
        for kind, count in targets.items():
            if kind not in MeetingKind.values:
                raise SchemeError(f"{where}：会议类型“{kind}”无效，应为 {'、'.join(MeetingKind.values)} 之一")
            if not isinstance(count, int) or count <= 0:
                raise SchemeError(f"{where}：{MeetingKind(kind).label}要求次数须为正整数")
    elif targets is not None:
        raise SchemeError(f"{where}：只有会议次数指标可写要求次数（targets）")


def check_scheme(data: dict[str, Any], name: str) -> dict[str, Any]:
    """Return ``data`` when it is a usable scheme, else raise :class:`SchemeError`."""
    if data.get("assessed_kind") not in (OrgKind.GOVERNMENT, OrgKind.DEPARTMENT):
        raise SchemeError(f"{name}：考核对象类型（assessed_kind）应为 government 或 department")
    items = [
        (section["name"], item)
        for section in data.get("sections") or []
        for item in section.get("items") or []
    ]
    if not items:
        raise SchemeError(f"{name}：细则没有考核项目")
    codes = [item.get("code") for _section, item in items]
    repeated = sorted({c for c in codes if codes.count(c) > 1})
    if repeated:
        raise SchemeError(f"{name}：项目编号重复：{'、'.join(map(str, repeated))}")
    for section, item in items:
        _check_item(item, f"{name} {section} {item.get('code')}")
    total = sum(_decimal(item.get("weight")) for _section, item in items if item.get("method") != M.VETO)
    if total != 100:
        raise SchemeError(f"{name}：非否决项分值合计为 {total}，应为 100")
    minimums = [g["min"] for g in data.get("grades") or []]
    if not minimums or minimums != sorted(minimums, reverse=True) or minimums[-1] != 0:
        raise SchemeError(f"{name}：等次（grades）须自高到低排列，最低一档从 0 分起")
    return data


def scheme_rows() -> list[dict[str, Any]]:
    """Every scheme file, checked."""
    rows = []
    for path in sorted(SCHEMES_DIR.glob("*.yaml")):
        rows.append(check_scheme(yaml.safe_load(path.read_text(encoding="utf-8")), path.name))
    return rows


def _item_rows(data: dict[str, Any], *, with_scoring: bool = True) -> list[dict[str, Any]]:
    rows, number = [], 0
    for order, section in enumerate(data["sections"], start=1):
        for item in section["items"]:
            number += 1
            rows.append({
                "section": section["name"], "section_order": order, "number": number, "code": item["code"],
                "title": item["title"], "weight": _decimal(item.get("weight")), "method": item["method"],
                "indicator": item.get("indicator", ""), "rule": item.get("rule", ""),
                "evidence": item.get("evidence", ""), "event": item.get("event", ""),
                "per_event": _decimal(item["per_event"]) if item.get("per_event") else None,
                "max_deduction": _decimal(item["max_deduction"]) if item.get("max_deduction") else None,
            })  # fmt: skip
    return rows


@transaction.atomic
def load_assessment_schemes(scheme_model=None, item_model=None) -> int:
    """Create the schemes of the data files not in the table yet; returns how many were created."""
    if scheme_model is None:
        from flameblue.governance.models import AssessmentItem as item_model  # noqa: N813
        from flameblue.governance.models import AssessmentScheme as scheme_model  # noqa: N813
    created = 0
    for data in scheme_rows():
        scheme, was_created = scheme_model.objects.get_or_create(
            code=data["code"], version=str(data["version"]),
            defaults={"title": data["title"], "assessed_kind": data["assessed_kind"], "grades": data["grades"]},
        )  # fmt: skip
        if was_created:
            created += 1
            # Historical models of migrations before the ``scoring`` field have no such column.
            with_scoring = any(f.name == "scoring" for f in item_model._meta.get_fields())
            rows = _item_rows(data, with_scoring=with_scoring)
            item_model.objects.bulk_create(item_model(scheme=scheme, **row) for row in rows)
    return created


def fill_scoring(scheme_model, item_model) -> int:
    """Copy each item's ``scoring`` from the data files onto schemes loaded before the field existed."""
    filled = 0
    for data in scheme_rows():
        scheme = scheme_model.objects.filter(code=data["code"], version=str(data["version"])).first()
        if scheme is None:
            continue
        wanted = {i["code"]: i["scoring"] for s in data["sections"] for i in s["items"] if i.get("scoring")}
        for row in item_model.objects.filter(scheme=scheme, code__in=list(wanted)):
            if not row.scoring:
                row.scoring = wanted[row.code]
                row.save(update_fields=["scoring"])
                filled += 1
    return filled


def load_schemes_reference(**options: Any) -> str:
    """The ``load-reference-data`` step for assessment schemes (registered in ``GovernanceConfig.ready()``)."""
    return f"考核细则 assessment schemes: {load_assessment_schemes()} created"
