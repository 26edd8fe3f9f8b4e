"""Major fire hazard determination (重大火灾隐患判定) under GB 35181, as pure functions over the versioned rule
files in ``hazards/rules/``.

The engine only *suggests*: people decide after a collective discussion (and, for hard cases, an expert
panel), and the hazard record keeps this suggestion and the rule-set version beside their conclusion.

Two rule sets: GB 35181-2017 (findings up to 2025-10-31) and GB 35181-2025 (from 2025-11-01, the default).
Without a named standard, :func:`standard_for` picks the one in force on the finding's date. In both, only
elements that cannot be corrected on the spot count (2017 5.1.2); any direct element (2017 ch. 6, 2025 ch. 5)
makes the hazard major; otherwise the comprehensive rules count the comprehensive elements (2017 ch. 7,
2025 ch. 6) per place category; an exclusion (2017 5.1.3, 2025 4.2) stops an otherwise major finding. Each
version has its own category vocabulary (``important`` 重要场所 exists only in 2017). The files are read once per process; the
``HazardRuleSet`` table keeps a copy of each version for the record.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import operator
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from flameblue.core.errors import DomainError

__all__ = [
    "DEFAULT_STANDARD",
    "EXCLUSION_ORDER",
    "DeterminationError",
    "Element",
    "Result",
    "Rule",
    "Standard",
    "equivalent",
    "judge",
    "load_standard",
    "normalize_code",
    "rule_set_rows",
    "standard_for",
    "standard_date_warnings",
    "threshold_exceeded",
]

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
DEFAULT_STANDARD = "GB35181-2025"
EXCLUSION_ORDER = ("a", "b", "c")
_OPERATORS = {">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le}


class DeterminationError(DomainError):
    """Input the engine cannot judge: an unknown standard, clause, category or exclusion (``field`` names
    the input key)."""


@dataclass(frozen=True)
class Element:
    clause: str
    text: str
    verify: bool = False
    thresholds: dict[str, dict[str, Any]] = field(default_factory=dict)
    from_2017: str = ""  # the GB 35181-2017 clause this element replaces (2025 catalogue only)


@dataclass(frozen=True)
class Rule:
    """One comprehensive rule: a place of one of ``categories`` with at least ``at_least`` of ``elements``
    (None: any comprehensive element)."""

    code: str
    text: str
    categories: frozenset[str]
    elements: frozenset[str] | None
    at_least: int
    verify: bool = False


@dataclass(frozen=True)
class Standard:
    code: str
    title: str
    version: str
    status: str
    effective_from: dt.date | None
    effective_to: dt.date | None
    superseded_by: str | None
    categories: dict[str, str]
    exclusions: dict[str, str]  # letter -> clause ("a" -> "5.1.3a", 2025: "4.2a")
    direct: dict[str, Element]
    comprehensive: dict[str, Element]
    rules: tuple[Rule, ...]

    @property
    def label(self) -> str:
        """The version string recorded on every determination, e.g. ``GB35181-2017@2017.1-r1``."""
        return f"{self.code}@{self.version}"


@dataclass(frozen=True)
class Result:
    """The engine's suggestion. ``rules`` lists what was met (direct clauses or comprehensive rules) and is
    empty unless ``major``; when an exclusion stopped the finding, ``set_aside`` keeps what would have applied."""

    major: bool
    basis: str | None
    rules: tuple[str, ...]
    excluded_by: str | None
    warnings: tuple[str, ...] = ()
    standard: str = DEFAULT_STANDARD
    version: str = ""
    counted: tuple[str, ...] = ()
    set_aside: tuple[str, ...] = ()

    def as_output(self) -> dict[str, Any]:
        """The four keys of ``flameblue judge-major-hazard``, in their documented order."""
        return {
            "major": self.major,
            "basis": self.basis,
            "rules": list(self.rules),
            "excluded_by": self.excluded_by,
        }


def normalize_code(code: str) -> str:
    """ "GB 35181-2017", "gb35181-2017" -> "GB35181-2017"."""
    return "".join(code.split()).upper()


def _files() -> dict[str, Path]:
    found = {}
    for path in sorted(RULES_DIR.glob("gb35181-*.yaml")):
        with path.open(encoding="utf-8") as handle:
            found[normalize_code(str(yaml.safe_load(handle)["code"]))] = path
    return found


def _element(row: dict[str, Any]) -> Element:
    thresholds = dict(row.get("thresholds") or {})
    if row.get("threshold"):
        thresholds["default"] = row["threshold"]
    return Element(
        str(row["clause"]),
        str(row["text"]),
        bool(row.get("verify", False)),
        thresholds,
        str(row.get("from_2017") or ""),
    )


def _build(data: dict[str, Any]) -> Standard:
    comprehensive = {e.clause: e for e in map(_element, data.get("comprehensive_elements") or [])}
    rules = tuple(
        Rule(
            code=str(r["rule"]),
            text=str(r.get("text", "")),
            categories=frozenset(r["categories"]),
            elements=None if r["elements"] == "all" else frozenset(map(str, r["elements"])),
            at_least=int(r["at_least"]),
            verify=bool(r.get("verify", False)),
        )
        for r in data.get("comprehensive_rules") or []
    )
    for rule in rules:
        unknown = (rule.elements or frozenset()) - comprehensive.keys()
        if unknown:
            raise ValueError(
                f"{data['code']} {rule.code} names elements not in the catalogue: {sorted(unknown)}"
            )
    return Standard(
        code=normalize_code(str(data["code"])),
        title=str(data.get("title", "")),
        version=str(data["version"]),
        status=str(data.get("status", "loaded")),
        effective_from=data.get("effective_from"),
        effective_to=data.get("effective_to"),
        superseded_by=data.get("superseded_by"),
        categories=dict(data.get("categories") or {}),
        exclusions={k: str(v["clause"]) for k, v in (data.get("exclusions") or {}).items()},
        direct={e.clause: e for e in map(_element, data.get("direct_elements") or [])},
        comprehensive=comprehensive,
        rules=rules,
    )


@lru_cache(maxsize=8)
def _load(code: str) -> Standard:
    path = _files().get(code)
    if path is None:
        known = "、".join(_files()) or "无"
        raise DeterminationError(f"standard: 未知的判定标准 “{code}”（已有：{known}）", field="standard")
    with path.open(encoding="utf-8") as handle:
        standard = _build(yaml.safe_load(handle))
    if standard.status != "loaded":
        raise DeterminationError(
            f"standard: {code} 的判定要素尚未依据正式文本录入（状态 {standard.status}），暂不能按此标准判定；"
            f"请先在 hazards/rules/{path.name} 中录入",
            field="standard",
        )
    return standard


def load_standard(code: str = DEFAULT_STANDARD) -> Standard:
    """The rule set of ``code``; raises :class:`DeterminationError` if unknown or not loaded."""
    return _load(normalize_code(code))


def standard_for(found_on: dt.date | None) -> Standard:
    """The loaded standard in force on ``found_on`` (GB 35181-2017 up to 2025-10-31, GB 35181-2025 from
    2025-11-01); without a date, the default (the current one)."""
    if found_on is None:
        return load_standard(DEFAULT_STANDARD)
    for code in _files():
        try:
            std = load_standard(code)
        except DeterminationError:
            continue
        starts, ends = std.effective_from, std.effective_to
        if (starts is None or starts <= found_on) and (ends is None or found_on <= ends):
            return std
    raise DeterminationError(
        f"found_on: {found_on.isoformat()} 没有施行中的 GB 35181 版本可用", field="found_on"
    )


def equivalent(clause_2017: str, standard: Standard | str) -> str:
    """The clause of ``standard`` that corresponds to a GB 35181-2017 clause ("" when it has none): the
    2017 clause itself under 2017, the element naming it in ``from_2017`` under 2025. Checklists name 2017
    elements; this maps each to its element in the version that judges the finding."""
    std = load_standard(standard) if isinstance(standard, str) else standard
    if not clause_2017:
        return ""
    elements = std.direct | std.comprehensive
    if clause_2017 in elements and not any(e.from_2017 for e in elements.values()):
        return clause_2017
    return next((e.clause for e in elements.values() if e.from_2017 == clause_2017), "")


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v.strip() for v in values))


def _check(values: Iterable[str], allowed: Iterable[str], key: str, what: str) -> None:
    allowed = set(allowed)
    for value in values:
        if value not in allowed:
            raise DeterminationError(f"{key}: 未知的{what} “{value}”", field=key)


def _check_categories(values: Iterable[str], standard: Standard) -> None:
    for value in values:
        if value in standard.categories:
            continue
        known = "、".join(f"{k}（{v}）" for k, v in standard.categories.items())
        hint = ""
        if value == "important":
            hint = f"；{standard.code} 已删除“重要场所”，请按场所实际选择其他类别"
        raise DeterminationError(
            f"categories: {standard.code} 没有场所类别 “{value}”{hint}（可用：{known}）", field="categories"
        )


def _exclusion_letter(value: str, standard: Standard) -> str:
    cleaned = value.strip().lower()
    for clause in standard.exclusions.values():
        cleaned = cleaned.removeprefix(clause[:-1])
    letter = cleaned
    if letter not in standard.exclusions:
        clauses = "、".join(standard.exclusions.values())
        raise DeterminationError(
            f"exclusions: 未知的排除情形 “{value}”（可用 a、b、c 或 {clauses}）", field="exclusions"
        )
    return letter


def standard_date_warnings(standard: Standard, found_on: dt.date | None) -> list[str]:
    """Warn when a finding's date lies outside the standard's period of force (e.g. 2017 after 2025-10-31)."""
    if found_on is None:
        return []
    warnings = []
    if standard.effective_to and found_on > standard.effective_to:
        successor = f"，应改用 {standard.superseded_by}" if standard.superseded_by else ""
        warnings.append(
            f"发现日期 {found_on.isoformat()} 晚于 {standard.code} 的废止日期 {standard.effective_to.isoformat()}{successor}"
        )
    if standard.effective_from and found_on < standard.effective_from:
        warnings.append(
            f"发现日期 {found_on.isoformat()} 早于 {standard.code} 的实施日期 {standard.effective_from.isoformat()}"
        )
    return warnings


def _comprehensive_met(standard: Standard, categories: set[str], counted: set[str]) -> list[str]:
    chapter7 = counted & standard.comprehensive.keys()
    met = []
    for rule in standard.rules:
        if not categories & rule.categories:
            continue
        relevant = chapter7 if rule.elements is None else chapter7 & rule.elements
        if len(relevant) >= rule.at_least:
            met.append(rule.code)
    return met


def judge(
    standard: Standard | str | None,
    categories: Sequence[str],
    elements: Sequence[str],
    corrected_on_spot: Sequence[str] = (),
    exclusions: Sequence[str] = (),
    *,
    found_on: dt.date | None = None,
) -> Result:
    """Suggest whether the elements found at a place make a major fire hazard (see the module docstring).
    ``standard`` None or "" picks the version in force on ``found_on`` (:func:`standard_for`)."""
    if not standard:
        std = standard_for(found_on)
    else:
        std = load_standard(standard) if isinstance(standard, str) else standard
    clauses = std.direct.keys() | std.comprehensive.keys()
    cats, found, corrected = _unique(categories), _unique(elements), _unique(corrected_on_spot)
    _check_categories(cats, std)
    _check(found, clauses, "elements", "判定要素条款")
    _check(corrected, clauses, "corrected_on_spot", "判定要素条款")
    letters = {_exclusion_letter(v, std) for v in exclusions}

    warnings = standard_date_warnings(std, found_on)
    repeats = Counter(v.strip() for v in elements)
    warnings += [f"要素 {c} 重复列出，只计一次" for c in found if repeats[c] > 1]
    counted = [c for c in found if c not in set(corrected)]
    warnings += [
        f"要素 {c} 的条文待核对（verify）" for c in counted if (std.direct | std.comprehensive)[c].verify
    ]

    direct = [c for c in std.direct if c in counted]
    if direct:
        basis, met = "direct", direct
    else:
        if not cats:
            warnings.append("未指定场所类别，综合判定规则均不适用")
        met = _comprehensive_met(std, set(cats), set(counted))
        basis = "comprehensive" if met else None
        rules = {rule.code: rule for rule in std.rules}
        warnings += [f"规则 {code} 的条文待核对（verify）" for code in met if rules[code].verify]

    common = {
        "warnings": tuple(warnings),
        "standard": std.code,
        "version": std.label,
        "counted": tuple(counted),
    }
    excluded_by = next((std.exclusions[x] for x in EXCLUSION_ORDER if x in letters), None)
    if met and excluded_by:
        return Result(False, None, (), excluded_by, set_aside=tuple(met), **common)
    return Result(bool(met), basis, tuple(met), None, **common)


def threshold_exceeded(
    standard: Standard | str, clause: str, measured: float, variant: str = "default"
) -> bool:
    """Whether a measured value (a percentage) reaches an element's threshold, e.g. 2 of 6 fire doors broken
    (33 %) is not 7.2.2 (> 50 %); a travel distance of 120 % of the code value is not 7.3.5 (> 125 %)."""
    std = load_standard(standard) if isinstance(standard, str) else standard
    element = std.comprehensive.get(clause) or std.direct.get(clause)
    if element is None:
        raise DeterminationError(f"clause: 未知的判定要素条款 “{clause}”", field="clause")
    rule = element.thresholds.get(variant)
    if rule is None:
        variants = "、".join(element.thresholds) or "无"
        raise DeterminationError(
            f"variant: 要素 {clause} 没有 “{variant}” 限值（可用：{variants}）", field="variant"
        )
    return _OPERATORS[rule["operator"]](measured, float(rule["value"]))


def _json_safe(value: Any) -> Any:
    return json.loads(
        json.dumps(value, default=lambda v: v.isoformat() if isinstance(v, dt.date) else str(v))
    )


def rule_set_rows() -> list[dict[str, Any]]:
    """One row per rule file, for the ``HazardRuleSet`` table (loaded by a data migration)."""
    rows = []
    for path in _files().values():
        raw = path.read_bytes()
        data = yaml.safe_load(raw.decode("utf-8"))
        rows.append(
            {
                "code": normalize_code(str(data["code"])),
                "version": str(data["version"]),
                "title": str(data.get("title", "")),
                "status": str(data.get("status", "loaded")),
                "effective_from": data.get("effective_from"),
                "effective_to": data.get("effective_to"),
                "content": _json_safe(data),
                "sha256": hashlib.sha256(raw).hexdigest(),
                "source_file": path.name,
            }
        )
    return rows
