"""The escalation rules of overdue corrective actions as data (``rules/escalation.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

__all__ = ["ESCALATION_FILE", "EscalationLevel", "EscalationPolicy", "escalation_policy"]

ESCALATION_FILE = Path(__file__).resolve().parent / "rules" / "escalation.yaml"
TARGETS = {"owner", "superior", "detachment"}


@dataclass(frozen=True)
class EscalationLevel:
    level: int
    after_days: int
    notify: tuple[str, ...]


@dataclass(frozen=True)
class EscalationPolicy:
    version: str
    recipient_roles: tuple[str, ...]
    levels: tuple[EscalationLevel, ...]

    def levels_due(self, days_overdue: int) -> list[EscalationLevel]:
        """The levels reached after ``days_overdue`` days past the deadline, lowest first."""
        return [level for level in self.levels if days_overdue >= level.after_days]


@lru_cache(maxsize=1)
def escalation_policy() -> EscalationPolicy:
    data = yaml.safe_load(ESCALATION_FILE.read_text(encoding="utf-8"))
    levels = []
    for row in data["levels"]:
        unknown = set(row["notify"]) - TARGETS
        if unknown or int(row["after_days"]) < 1:
            raise ValueError(
                f"{ESCALATION_FILE.name}: level {row.get('level')} is invalid ({sorted(unknown)})"
            )
        levels.append(EscalationLevel(int(row["level"]), int(row["after_days"]), tuple(row["notify"])))
    levels.sort(key=lambda lv: lv.level)
    return EscalationPolicy(str(data["version"]), tuple(data["recipient_roles"]), tuple(levels))
