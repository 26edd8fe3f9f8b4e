"""Rectification and re-inspection deadlines (整改期限、复查期限) from the versioned rule file
``hazards/rules/deadlines.yaml``, counted in working or calendar days on the editable working-day calendar."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from django.utils.translation import gettext as _

from flameblue.core.errors import DomainError
from flameblue.hazards.choices import DeadlineUnit, HazardGrade
from flameblue.workdays.services import Deadline, due_date

__all__ = ["DeadlinePolicy", "Period", "policy", "recheck_due", "rectification_deadline"]

RULES = Path(__file__).resolve().parent / "rules" / "deadlines.yaml"


@dataclass(frozen=True)
class Period:
    amount: int
    unit: str  # DeadlineUnit value


@dataclass(frozen=True)
class DeadlinePolicy:
    version: str
    rectification: dict[str, Period]
    max_amount: int
    recheck_within: Period


def _period(raw: dict[str, Any]) -> Period:
    unit = str(raw["unit"])
    if unit not in DeadlineUnit.values:
        raise ValueError(f"deadlines.yaml: unknown unit {unit!r}")
    return Period(int(raw["amount"]), unit)


@lru_cache(maxsize=1)
def policy() -> DeadlinePolicy:
    data = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    rectification = {grade: _period(raw) for grade, raw in data["rectification"].items()}
    missing = set(HazardGrade.values) - set(rectification)
    if missing:
        raise ValueError(f"deadlines.yaml: no default deadline for grades {sorted(missing)}")
    return DeadlinePolicy(
        version=str(data["version"]),
        rectification=rectification,
        max_amount=int(data["limits"]["max_amount"]),
        recheck_within=_period(data["recheck"]["within"]),
    )


def rectification_deadline(
    start: dt.date, *, grade: str, amount: int | None = None, unit: str | None = None
) -> tuple[Deadline, Period]:
    """The deadline ``amount`` days (default: the grade's rule) after ``start``, and the period used."""
    rules = policy()
    default = rules.rectification[grade]
    period = Period(default.amount if amount is None else amount, unit or default.unit)
    if not 1 <= period.amount <= rules.max_amount:
        raise DomainError(
            _("整改期限须在 1 至 %(max)d 天之间。") % {"max": rules.max_amount}, field="deadline_amount"
        )
    if period.unit not in DeadlineUnit.values:
        raise DomainError(_("期限计算方式须为工作日或自然日。"), field="deadline_unit")
    return due_date(start, period.amount, period.unit), period


def recheck_due(after: dt.date) -> Deadline:
    """Re-inspection is due N working days (per the rule file) after ``after`` — the deadline or the day
    the unit reported completion."""
    within = policy().recheck_within
    return due_date(after, within.amount, within.unit)
