"""A failed checklist item as the fault found (“未建立消防安全制度……”), not the requirement it states
(“已建立消防安全制度……”). The rewriting rules are data (``rules/fault-wording.yaml``): ordered prefixes of
the requirement and the words that replace them, and a wording for items no prefix fits."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

__all__ = ["fault_wording"]

RULES_FILE = Path(__file__).resolve().parent / "rules" / "fault-wording.yaml"


@cache
def _rules() -> dict[str, Any]:
    return yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))


def fault_wording(requirement: str) -> str:
    """The fault a failed ``requirement`` describes: its first sentence rewritten by the first matching rule;
    the rest of the requirement follows in brackets so the unit sees what to put right."""
    text = requirement.strip()
    end = re.search(r"[；。]", text)
    first, rest = (text[: end.start()], text[end.end() :]) if end else (text, "")
    rules = _rules()
    for rule in rules["rules"]:
        if first.startswith(rule["requirement"]):
            fault = rule["fault"] + first[len(rule["requirement"]) :]
            break
    else:
        fault = rules["otherwise"].format(requirement=first)
    rest = rest.strip().rstrip("。")
    return f"{fault}（要求：{rest}）" if rest else fault
