"""Deciding a GB 35181 element from a measurement instead of the inspector's guess.

A measured checklist item carries its measurement as data (see ``checklists/*.yaml``)::

    kind: ratio | exceedance          # counts of one population, or a measured value against the code value
    numerator_label / denominator_label
    threshold: "50"                   # percent, as in the standard's wording
    comparison: ">"                   # strict: exactly at the threshold does not meet the element
    variants: [{code, label, threshold}]   # optional, e.g. 30 % for high-rise and underground buildings

``evaluate`` compares ``numerator * 100`` with ``threshold * denominator`` in exact decimal arithmetic, so a
ratio that sits exactly on the threshold (3 of 6 fire doors = 50 %) is never rounded over it.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError

from flameblue.inspections.choices import Comparison, MeasurementKind

__all__ = ["MeasurementResult", "MeasurementSpec", "describe", "evaluate", "parse_spec"]

HUNDRED = Decimal(100)
COMPARE: dict[str, Callable[[Decimal, Decimal], bool]] = {
    Comparison.GREATER: operator.gt,
    Comparison.GREATER_EQUAL: operator.ge,
    Comparison.LESS: operator.lt,
    Comparison.LESS_EQUAL: operator.le,
}


@dataclass(frozen=True)
class Variant:
    code: str
    label: str
    threshold: Decimal


@dataclass(frozen=True)
class MeasurementSpec:
    kind: str
    numerator_label: str
    denominator_label: str
    threshold: Decimal
    comparison: str
    variants: tuple[Variant, ...] = ()

    def threshold_for(self, variant: str | None) -> Decimal:
        if not variant:
            return self.threshold
        for option in self.variants:
            if option.code == variant:
                return option.threshold
        raise ValidationError({"variant": f"建筑类别“{variant}”不是该检查项可选的类别。"})


@dataclass(frozen=True)
class MeasurementResult:
    """``met``: the measurement satisfies the element's threshold (the element is evidenced).
    ``ratio``: numerator / denominator in percent, rounded to 0.01 for display only."""

    met: bool
    ratio: Decimal
    threshold: Decimal
    comparison: str
    element: str


def _decimal(raw: Any, *, what: str) -> Decimal:
    try:
        value = Decimal(str(raw).strip())
    except (InvalidOperation, ValueError) as exc:
        raise ValueError(f"{what} 须为数字，得到 {raw!r}") from exc
    if not value.is_finite():
        raise ValueError(f"{what} 须为有限数字，得到 {raw!r}")
    return value


def parse_spec(data: Mapping[str, Any]) -> MeasurementSpec:
    """Validate a measurement definition from a checklist file; raises ValueError naming the bad key."""
    missing = [
        k
        for k in ("kind", "numerator_label", "denominator_label", "threshold", "comparison")
        if k not in data
    ]
    if missing:
        raise ValueError(f"测量定义缺少字段：{', '.join(missing)}")
    if data["kind"] not in MeasurementKind.values:
        raise ValueError(f"测量类别 kind 须为 {MeasurementKind.values} 之一，得到 {data['kind']!r}")
    if data["comparison"] not in COMPARE:
        raise ValueError(f"比较方式 comparison 须为 {list(COMPARE)} 之一，得到 {data['comparison']!r}")
    threshold = _decimal(data["threshold"], what="阈值 threshold")
    if threshold <= 0:
        raise ValueError("阈值 threshold 须大于 0")
    variants = tuple(
        Variant(
            code=str(v["code"]), label=str(v["label"]), threshold=_decimal(v["threshold"], what="变体阈值")
        )
        for v in data.get("variants") or ()
    )
    return MeasurementSpec(
        kind=data["kind"],
        numerator_label=str(data["numerator_label"]),
        denominator_label=str(data["denominator_label"]),
        threshold=threshold,
        comparison=data["comparison"],
        variants=variants,
    )


def _value(values: Mapping[str, Any], field: str, label: str, *, whole: bool) -> Decimal:
    raw = values.get(field)
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        raise ValidationError({field: f"请填写{label}。"})
    if isinstance(raw, bool):
        raise ValidationError({field: f"{label}须为数字。"})
    try:
        value = Decimal(str(raw).strip())
    except (InvalidOperation, ValueError):
        raise ValidationError({field: f"{label}须为数字。"}) from None
    if not value.is_finite():
        raise ValidationError({field: f"{label}须为数字。"})
    if value < 0:
        raise ValidationError({field: f"{label}不能为负数。"})
    if whole and value != value.to_integral_value():
        raise ValidationError({field: f"{label}须为整数。"})
    return value


def evaluate(item: Any, values: Mapping[str, Any]) -> MeasurementResult:
    """Decide whether ``item``'s GB 35181 element is met by the measured ``values``.

    ``values`` holds ``numerator`` and ``denominator`` (for an exceedance: the measured value and the code
    value) and optionally ``variant`` (e.g. ``high_rise_or_underground``). Bad input raises a
    ``ValidationError`` keyed by the field, with a Chinese message naming it.
    """
    if not getattr(item, "measurement", None):
        raise ValidationError({"measurement": f"检查项 {item.code} 不需要测量。"})
    spec = parse_spec(item.measurement)
    whole = spec.kind == MeasurementKind.RATIO
    numerator = _value(values, "numerator", spec.numerator_label, whole=whole)
    denominator = _value(values, "denominator", spec.denominator_label, whole=whole)
    if denominator == 0:
        raise ValidationError({"denominator": f"{spec.denominator_label}不能为 0。"})
    if whole and numerator > denominator:
        raise ValidationError({"numerator": f"{spec.numerator_label}不能大于{spec.denominator_label}。"})
    threshold = spec.threshold_for(values.get("variant"))
    met = COMPARE[spec.comparison](numerator * HUNDRED, threshold * denominator)
    ratio = (numerator * HUNDRED / denominator).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return MeasurementResult(
        met=met, ratio=ratio, threshold=threshold, comparison=spec.comparison, element=item.gb35181_element
    )


def describe(measurement: Mapping[str, Any] | None) -> str:
    """One line for people: "损坏的防火门数量 ÷ 防火门总数 > 50%（高层建筑、地下建筑：> 30%）"."""
    if not measurement:
        return ""
    spec = parse_spec(measurement)
    text = (
        f"{spec.numerator_label} ÷ {spec.denominator_label} {spec.comparison} {spec.threshold.normalize():f}%"
    )
    if spec.variants:
        others = "；".join(
            f"{v.label}：{spec.comparison} {v.threshold.normalize():f}%" for v in spec.variants
        )
        text += f"（{others}）"
    return text
