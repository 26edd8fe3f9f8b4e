"""Rectification and re-inspection deadlines (整改期限、复查期限) from the versioned rule file
``hazards/rules/deadlines.yaml``, counted in working or calendar days on the editable working-day calendar."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.utils.translation import gettext as _

from flameblue.core.errors import DomainError
from flameblue.hazards.choices import DeadlineUnit, HazardGrade
from flameblue.workdays.services import Deadline, due_date

__all__ = [
    "DeadlinePolicy",
    "Period",
    "default_periods_text",
    "policy",
    "recheck_due",
    "rectification_deadline",
]

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
    local_practice: bool = True
    source: str = ""


def _period(raw: dict[str, Any]) -> Period:
    unit = str(raw["unit"])
    if unit not in DeadlineUnit.values:
        raise ValueError(f"deadlines.yaml: unknown unit {unit!r}")
    return Period(int(raw["amount"]), unit)


def rules_file() -> Path:
    """The rule file in force: ``settings.HAZARD_DEADLINES_FILE`` (env ``FLAMEBLUE_DEADLINES_FILE``), a
    detachment's local override, else the file shipped in the repository."""
    override = getattr(settings, "HAZARD_DEADLINES_FILE", "")
    return Path(override) if override else RULES


@lru_cache(maxsize=1)
def policy() -> DeadlinePolicy:
    path = rules_file()
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rectification = {grade: _period(raw) for grade, raw in data["rectification"].items()}
    missing = set(HazardGrade.values) - set(rectification)
    if missing:
        raise ValueError(f"deadlines.yaml: no default deadline for grades {sorted(missing)}")
    return DeadlinePolicy(
        version=str(data["version"]),
        rectification=rectification,
        max_amount=int(data["limits"]["max_amount"]),
        recheck_within=_period(data["recheck"]["within"]),
        local_practice=bool(data.get("local_practice", True)),
        source=str(path),
    )


def default_periods_text() -> str:
    """ "一般隐患 15 个工作日；突出隐患 30 个自然日；…（本地做法，版本 …）" for forms and pages."""
    rules = policy()
    parts = [
        _("%(grade)s %(n)d 个%(unit)s")
        % {"grade": HazardGrade(g).label, "n": p.amount, "unit": DeadlineUnit(p.unit).label}
        for g, p in rules.rectification.items()
        if g in HazardGrade.values
    ]
    label = _("本地做法，非法定期限") if rules.local_practice else _("期限规则")
    return "；".join(parts) + _("（%(label)s，版本 %(v)s）") % {"label": label, "v": rules.version}


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
