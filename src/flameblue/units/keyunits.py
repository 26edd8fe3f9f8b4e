"""The key-unit (消防安全重点单位) rule engine: pure functions over rule sets that are data.

A rule set (``rules/key-units-*.yaml``, stored in the ``KeyUnitRuleSet`` table) lists rules; each rule
names the *category* slot it fills, the unit categories it applies to and the conditions that must all
hold. Several rule sets may be active: for each category slot the rules of the highest-priority rule set
that has any rule for that slot replace the lower ones (a provincial set overrides the national baseline
category by category). :func:`judge` validates the attributes and says whether the unit qualifies, which
rules matched and which rule-set versions were used. The engine suggests; people decide.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from flameblue.units.choices import AdminLevel, HeritageLevel, UnitCategory

__all__ = [
    "ATTRIBUTES",
    "ALIASES",
    "Judge",
    "Judgement",
    "JudgementInputError",
    "Rule",
    "RuleSet",
    "RuleSetError",
    "effective_rules",
    "judge",
    "load_ruleset_file",
    "ruleset_from_dict",
    "ruleset_label",
    "validate_attributes",
]

RULES_DIR = Path(__file__).resolve().parent / "rules"

NUMBER, COUNT, FLAG, HERITAGE, ADMIN = "number", "count", "flag", "heritage", "admin"

#: The attribute vocabulary the rules read (snake_case keys of ``judge-key-unit`` and of ``Unit`` fields).
ATTRIBUTES: dict[str, str] = {
    "building_area_m2": NUMBER,
    "sells_combustibles": FLAG,
    "guest_rooms": COUNT,
    "inpatient_beds": COUNT,
    "elderly_beds": COUNT,
    "dormitory_beds": COUNT,
    "child_beds": COUNT,
    "seats": COUNT,
    "waiting_hall_area_m2": NUMBER,
    "workers_on_site": COUNT,
    "is_high_rise": FLAG,
    "is_underground": FLAG,
    "heritage_level": HERITAGE,
    "admin_level": ADMIN,
    # The building's managing or using unit (整栋建筑的管理或使用单位): the high-rise rule applies to it, not
    # to every tenant of the building.
    "manages_building": FLAG,
    # Read from the command's input (the unit register has no column for them yet): warehouses and yards
    # (公通字〔2001〕97号（十一）3–6), research units and religious sites (安徽省界定标准 三、四).
    "grain_storage_t": NUMBER,
    "national_grain_reserve": FLAG,
    "cotton_storage_t": NUMBER,
    "timber_storage_m3": NUMBER,
    "combustible_goods_value_10k_yuan": NUMBER,
    "equipment_value_10k_yuan": NUMBER,
    "fire_risk_research": FLAG,
    "national_key_temple": FLAG,
    "combustible_structures": FLAG,  # also a register column
}
#: Accepted spellings that mean the same attribute.
ALIASES = {"high_rise": "is_high_rise", "underground": "is_underground"}

OPERATORS = {">=", ">", "==", "in", "present"}


class JudgementInputError(ValueError):
    """Attributes the engine cannot judge; ``key`` names the offending attribute."""

    def __init__(self, key: str, message: str):
        super().__init__(f"{key}: {message}")
        self.key = key
        self.message = message


class RuleSetError(ValueError):
    """A rule-set file or row that does not follow the rule format."""


@dataclass(frozen=True)
class Condition:
    attribute: str
    operator: str
    value: Any = None

    def holds(self, attributes: Mapping[str, Any]) -> bool:
        actual = attributes.get(self.attribute)
        if self.operator == "present":
            return bool(actual)
        if actual is None:
            return False
        if self.operator == ">=":
            return Decimal(str(actual)) >= Decimal(str(self.value))
        if self.operator == ">":  # “大于” in a text that is not inclusive
            return Decimal(str(actual)) > Decimal(str(self.value))
        if self.operator == "==":
            return actual == self.value
        return actual in self.value  # "in"


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    applies_to: tuple[str, ...]
    conditions: tuple[Condition, ...]
    text: str = ""
    basis: str = ""
    verify: bool = False

    def matches(self, attributes: Mapping[str, Any]) -> bool:
        return attributes.get("category") in self.applies_to and all(
            c.holds(attributes) for c in self.conditions
        )


@dataclass(frozen=True)
class RuleSet:
    code: str
    version: str
    priority: int
    rules: tuple[Rule, ...]
    name: str = ""

    @property
    def label(self) -> str:
        return f"{self.code}@{self.version}"

    def categories(self) -> set[str]:
        return {rule.category for rule in self.rules}


@dataclass(frozen=True)
class Judgement:
    key_unit: bool
    rules: list[str]
    ruleset: str
    texts: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"key_unit": self.key_unit, "rules": list(self.rules), "ruleset": self.ruleset}


# --- rule sets -------------------------------------------------------------------------------------------


def _condition(raw: Mapping[str, Any], rule_id: str) -> Condition:
    attribute, operator = raw.get("attribute"), raw.get("operator")
    if attribute not in ATTRIBUTES:
        raise RuleSetError(f"规则 {rule_id}：未知属性 {attribute!r}")
    if operator not in OPERATORS:
        raise RuleSetError(f"规则 {rule_id}：未知运算符 {operator!r}")
    value = raw.get("value")
    if operator == "in":
        value = tuple(value or ())
    return Condition(attribute, operator, value)


def ruleset_from_dict(content: Mapping[str, Any]) -> RuleSet:
    """Build a rule set from the YAML/JSON content, checking every rule against the vocabulary."""
    categories = set(UnitCategory.values)
    rules: list[Rule] = []
    seen: set[str] = set()
    for raw in content.get("rules") or []:
        rule_id = str(raw.get("id") or "")
        if not rule_id or rule_id in seen:
            raise RuleSetError(f"规则编号缺失或重复：{rule_id!r}")
        seen.add(rule_id)
        category = raw.get("category")
        applies_to = tuple(raw.get("applies_to") or [category])
        unknown = [c for c in (category, *applies_to) if c not in categories]
        if unknown:
            raise RuleSetError(f"规则 {rule_id}：未知单位类别 {unknown}")
        conditions = tuple(_condition(c, rule_id) for c in raw.get("conditions") or [])
        rules.append(
            Rule(
                id=rule_id,
                category=category,
                applies_to=applies_to,
                conditions=conditions,
                text=str(raw.get("text", "")),
                basis=str(raw.get("basis", "")),
                verify=bool(raw.get("verify", False)),
            )
        )
    try:
        return RuleSet(
            code=str(content["code"]),
            version=str(content["version"]),
            priority=int(content.get("priority", 0)),
            rules=tuple(rules),
            name=str(content.get("name", "")),
        )
    except KeyError as exc:
        raise RuleSetError(f"规则集缺少字段 {exc.args[0]}") from exc


def read_ruleset_file(name: str | Path) -> dict[str, Any]:
    path = Path(name)
    if not path.is_absolute():
        path = RULES_DIR / path
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def load_ruleset_file(name: str | Path) -> RuleSet:
    return ruleset_from_dict(read_ruleset_file(name))


def ruleset_label(rulesets: Iterable[RuleSet]) -> str:
    """The version string stored on decisions: every active rule set, highest priority first."""
    ordered = sorted(rulesets, key=lambda r: (-r.priority, r.code))
    return "+".join(r.label for r in ordered)


def effective_rules(rulesets: Iterable[RuleSet]) -> list[Rule]:
    """Per category slot, the rules of the highest-priority rule set that fills the slot."""
    chosen: dict[str, RuleSet] = {}
    # Slots in the order their rules are written (not set order), so the matched rule ids are stable.
    for ruleset in sorted(rulesets, key=lambda r: (-r.priority, r.code)):
        for rule in ruleset.rules:
            chosen.setdefault(rule.category, ruleset)
    return [rule for category, rs in chosen.items() for rule in rs.rules if rule.category == category]


# --- attributes ------------------------------------------------------------------------------------------


@cache
def _choice_values(choices: type) -> tuple[str, ...]:
    """``Choices.values`` (a new list on every access; the bulk import judges thousands of units)."""
    return tuple(choices.values)


def _number(key: str, value: Any, *, whole: bool) -> Decimal | int:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise JudgementInputError(key, "应为数字" if not whole else "应为整数")
    if isinstance(value, float) and not math.isfinite(value):
        raise JudgementInputError(key, "应为有限的数字")
    if value < 0:
        raise JudgementInputError(key, "不能为负数")
    if whole:
        if value != int(value):
            raise JudgementInputError(key, "应为整数")
        return int(value)
    return Decimal(str(value))


def _clean_value(key: str, value: Any) -> Any:
    kind = ATTRIBUTES[key]
    if value is None:
        return None
    if kind in (NUMBER, COUNT):
        return _number(key, value, whole=kind == COUNT)
    if kind == FLAG:
        if not isinstance(value, bool):
            raise JudgementInputError(key, "应为 true 或 false")
        return value
    allowed = _choice_values(HeritageLevel if kind == HERITAGE else AdminLevel)
    if not isinstance(value, str) or value not in allowed:
        shown = "、".join(v for v in allowed if v)
        raise JudgementInputError(key, f"应为以下之一：{shown}")
    return value


def validate_attributes(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Normalise the attributes; raise :class:`JudgementInputError` naming the first bad key."""
    if not isinstance(raw, Mapping):
        raise JudgementInputError("(input)", "应为一个 JSON 对象")
    category = raw.get("category")
    if category is None:
        raise JudgementInputError("category", "缺少单位类别")
    if category not in _choice_values(UnitCategory):
        raise JudgementInputError("category", f"未知单位类别 {category!r}")
    cleaned: dict[str, Any] = {"category": category}
    for key, value in raw.items():
        if key == "category":
            continue
        name = ALIASES.get(key, key)
        if name not in ATTRIBUTES:
            raise JudgementInputError(key, "未知属性")
        try:
            cleaned[name] = _clean_value(name, value)
        except JudgementInputError as exc:
            raise JudgementInputError(key, exc.message) from None
    return cleaned


def judge(attributes: Mapping[str, Any], rulesets: Iterable[RuleSet]) -> Judgement:
    """Whether a unit with these attributes is a key unit under the rule sets (inclusive thresholds)."""
    return Judge(rulesets)(attributes)


class Judge:
    """:func:`judge` for many units under the same rule sets (a bulk import): the effective rules and the
    rule sets' label are worked out once."""

    def __init__(self, rulesets: Iterable[RuleSet]):
        rulesets = list(rulesets)
        if not rulesets:
            raise RuleSetError("没有生效的重点单位规则集")
        self.rules = effective_rules(rulesets)
        self.label = ruleset_label(rulesets)

    def __call__(self, attributes: Mapping[str, Any]) -> Judgement:
        cleaned = validate_attributes(attributes)
        matched = [rule for rule in self.rules if rule.matches(cleaned)]
        return Judgement(
            key_unit=bool(matched),
            rules=[rule.id for rule in matched],
            ruleset=self.label,
            texts=[rule.text for rule in matched],
        )
