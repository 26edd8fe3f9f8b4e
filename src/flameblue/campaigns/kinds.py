"""Campaign kinds (整治类别) as data: one YAML file per kind under ``rules/kinds/`` names the campaign's
default extra check items, the place type whose checklist it uses by default, and the campaign-specific facts
recorded per target (for electric bicycles: stairwell parking/charging found, 飞线充电 cases, charging points
built, commitment letters signed). The code here reads the files and validates a record against them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from django.utils.translation import gettext as _

from flameblue.core.errors import DomainError

__all__ = ["FactField", "KindRule", "clean_facts", "kind_choices", "kind_rule", "kinds"]

KINDS_DIR = Path(__file__).resolve().parent / "rules" / "kinds"
FIELD_TYPES = ("count", "flag")


@dataclass(frozen=True)
class FactField:
    code: str
    label: str
    type: str
    max: int | None = None
    not_above: str = ""


@dataclass(frozen=True)
class KindRule:
    code: str
    version: str
    title: str
    checklist_place_type: str
    extra_items: tuple[str, ...]
    fields: tuple[FactField, ...]


def _field(raw: dict[str, Any], source: str) -> FactField:
    if raw.get("type") not in FIELD_TYPES or not raw.get("code") or not raw.get("label"):
        raise ValueError(f"{source}: field {raw!r} needs code, label and a type in {FIELD_TYPES}")
    return FactField(code=str(raw["code"]), label=str(raw["label"]), type=raw["type"], max=raw.get("max"),
                     not_above=str(raw.get("not_above") or ""))  # fmt: skip


@lru_cache(maxsize=1)
def kinds() -> dict[str, KindRule]:
    """Every kind file, by code (read once per process)."""
    found: dict[str, KindRule] = {}
    for path in sorted(KINDS_DIR.glob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        found[raw["code"]] = KindRule(
            code=raw["code"], version=str(raw["version"]), title=raw["title"],
            checklist_place_type=raw.get("checklist_place_type") or "",
            extra_items=tuple(raw.get("extra_items") or ()),
            fields=tuple(_field(f, path.name) for f in raw.get("fields") or ()),
        )  # fmt: skip
    return found


def kind_rule(code: str) -> KindRule | None:
    return kinds().get(code) if code else None


def kind_choices() -> list[tuple[str, str]]:
    return [(k.code, k.title) for k in kinds().values()]


def _count(field: FactField, value: Any) -> int:
    if value in (None, ""):
        return 0
    try:
        number = int(str(value).strip())
    except ValueError:
        number = -1
    if number < 0 or (field.max is not None and number > field.max):
        limit = field.max if field.max is not None else "∞"
        raise DomainError(
            _("“%(label)s”应为 0 至 %(max)s 之间的整数。") % {"label": field.label, "max": limit},
            field=field.code,
        )
    return number


def clean_facts(rule: KindRule, raw: dict[str, Any]) -> dict[str, int | bool]:
    """The facts of one target checked against the kind's fields: counts are whole numbers within their limit,
    flags yes/no, a count may not exceed the count it is part of (``not_above``); unknown keys are refused."""
    known = {f.code for f in rule.fields}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise DomainError(_("整治数据中没有“%(code)s”一项。") % {"code": unknown[0]}, field="facts")
    facts: dict[str, int | bool] = {}
    for field in rule.fields:
        value = raw.get(field.code)
        if field.type == "flag":
            facts[field.code] = value in (True, "true", "on", "1", 1, "yes")
        else:
            facts[field.code] = _count(field, value)
    for field in rule.fields:
        if field.not_above and facts[field.code] > facts.get(field.not_above, 0):
            other = next(f.label for f in rule.fields if f.code == field.not_above)
            raise DomainError(
                _("“%(label)s”不能多于“%(other)s”。") % {"label": field.label, "other": other},
                field=field.code,
            )
    return facts
