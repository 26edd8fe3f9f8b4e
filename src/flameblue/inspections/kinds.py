"""The inspection-kind rules (``rules/inspection-kinds.yaml``): which organizations may start which kind of
inspection, which checklist a kind fills in, as which hazard source its findings are recorded, which units
count as 九小场所 and which GB 35181 place categories a unit falls in."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

__all__ = ["KindRule", "gb35181_categories", "is_small_place", "kind_rule", "rules_version"]

RULES_FILE = Path(__file__).resolve().parent / "rules" / "inspection-kinds.yaml"


@dataclass(frozen=True)
class KindRule:
    kind: str
    org_kinds: frozenset[str]
    checklist: str
    hazard_source: str

    @property
    def is_self_inspection(self) -> bool:
        return self.checklist in {"patrol", "monthly_check"}


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    with RULES_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def rules_version() -> str:
    return str(_rules()["version"])


def kind_rule(kind: str) -> KindRule:
    raw = _rules()["kinds"].get(kind)
    if raw is None:
        raise KeyError(kind)
    return KindRule(
        kind=kind,
        org_kinds=frozenset(raw["org_kinds"]),
        checklist=raw["checklist"],
        hazard_source=raw.get("hazard_source") or "",
    )


def _tag_codes(unit: Any) -> set[str]:
    if unit.pk is None:
        return set()
    return set(unit.risk_tags.values_list("code", flat=True))


def is_small_place(unit: Any) -> bool:
    """九小场所: by place type or by risk tag (the units registry records either)."""
    rule = _rules()["small_place"]
    return unit.place_type_id in rule["place_types"] or bool(_tag_codes(unit) & set(rule["risk_tags"]))


def gb35181_categories(unit: Any, standard: str = "GB35181-2025") -> list[str]:
    """The GB 35181 place categories of a unit in the vocabulary of ``standard`` (2017: crowded / flammable /
    important; 2025: crowded / flammable / children / elderly / labour_intensive / mixed_use), ``["other"]``
    when none."""
    table = _rules()["gb35181_categories"][standard]
    found: list[str] = list(table["place_types"].get(unit.place_type_id or "", []))
    for tag in sorted(_tag_codes(unit)):
        found += table["risk_tags"].get(tag, [])
    return list(dict.fromkeys(found)) or ["other"]
