"""The procedure rule file (``rules/procedures.yaml``): statutory clocks with their legal basis, the grounds
of temporary sealing, the collective-review minimum and the document-number formats. Read once per process;
every deadline is computed from it by the working-day calendar."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from flameblue.workdays.services import Deadline, due_date

__all__ = ["RULES_FILE", "clock", "clock_due", "ground_label", "grounds", "rules"]

RULES_FILE = Path(__file__).resolve().parent / "rules" / "procedures.yaml"


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    return yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))


def clock(section: str, name: str) -> dict[str, Any]:
    """One clock of the rule file: ``days``, ``unit`` (working/calendar), ``from`` and ``basis``."""
    return rules()[section]["clocks"][name]


def clock_due(section: str, name: str, start: dt.date) -> Deadline:
    """The deadline of clock ``name`` started on ``start`` (the start day itself not counted)."""
    spec = clock(section, name)
    return due_date(start, int(spec["days"]), spec["unit"])


def grounds() -> list[tuple[str, str]]:
    """The sealing grounds of 第二十二条 as (code, text) choices."""
    return [(g["code"], g["text"]) for g in rules()["sealing"]["grounds"]]


def ground_label(code: str) -> str:
    return dict(grounds()).get(code, code)
