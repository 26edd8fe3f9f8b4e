"""The rule data of the supervision sub-domain, read from ``integrity/rules/``: the "三个必到" occasions
(``must-attend.yaml``) and the points of the online cross-review (``cross-review-checklist.yaml``). A bad
file fails loudly when read; the version is stored on what it decided (an occasion, a sample)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

__all__ = [
    "MustAttendPolicy",
    "Occasion",
    "ReviewChecklist",
    "ReviewPoint",
    "must_attend_policy",
    "review_checklist",
]

RULES = Path(__file__).resolve().parent.parent / "rules"
TRIGGERS = {"recorded", "calendar"}
RECORD_TYPES = {"inspection", "hazard"}


@dataclass(frozen=True)
class Occasion:
    code: str
    name: str
    trigger: str
    within_days: int = 0
    days_before: int = 0
    days_after: int = 0
    dates: dict[int, dict[str, dt.date]] = field(default_factory=dict)

    def window(self, occurred_on: dt.date) -> tuple[dt.date, dt.date]:
        """The days in which a visit counts for an occasion on ``occurred_on``."""
        if self.trigger == "calendar":
            return (occurred_on - dt.timedelta(days=self.days_before),
                    occurred_on + dt.timedelta(days=self.days_after))  # fmt: skip
        return occurred_on, occurred_on + dt.timedelta(days=self.within_days)


@dataclass(frozen=True)
class MustAttendPolicy:
    version: str
    occasions: tuple[Occasion, ...]

    def get(self, code: str) -> Occasion | None:
        return next((o for o in self.occasions if o.code == code), None)

    def recorded(self) -> list[Occasion]:
        return [o for o in self.occasions if o.trigger == "recorded"]


@dataclass(frozen=True)
class ReviewPoint:
    code: str
    applies_to: str
    text: str
    compute: str | None


@dataclass(frozen=True)
class ReviewChecklist:
    version: str
    points: tuple[ReviewPoint, ...]

    def for_type(self, record_type: str) -> list[ReviewPoint]:
        return [p for p in self.points if p.applies_to == record_type]


def _occasion(raw: dict) -> Occasion:
    code, trigger = str(raw["code"]), str(raw["trigger"])
    if trigger not in TRIGGERS:
        raise ValueError(f"must-attend.yaml: {code}: trigger must be recorded or calendar")
    if trigger == "recorded":
        within = int(raw["within_days"])
        if within < 0:
            raise ValueError(f"must-attend.yaml: {code}: within_days must be ≥ 0")
        return Occasion(code, str(raw["name"]), trigger, within_days=within)
    dates = {
        int(year): {str(name): day for name, day in days.items()}
        for year, days in (raw.get("dates") or {}).items()
    }
    for days in dates.values():
        if not all(isinstance(d, dt.date) for d in days.values()):
            raise ValueError(f"must-attend.yaml: {code}: dates must be YYYY-MM-DD")
    return Occasion(code, str(raw["name"]), trigger, days_before=int(raw.get("days_before", 0)),
                    days_after=int(raw.get("days_after", 0)), dates=dates)  # fmt: skip


@lru_cache(maxsize=1)
def must_attend_policy() -> MustAttendPolicy:
    data = yaml.safe_load((RULES / "must-attend.yaml").read_text(encoding="utf-8"))
    occasions = tuple(_occasion(raw) for raw in data["occasions"])
    if not occasions or len({o.code for o in occasions}) != len(occasions):
        raise ValueError("must-attend.yaml: occasions must be listed once each")
    return MustAttendPolicy(version=str(data["version"]), occasions=occasions)


@lru_cache(maxsize=1)
def review_checklist() -> ReviewChecklist:
    from flameblue.integrity.supervision.checks import COMPUTATIONS

    data = yaml.safe_load((RULES / "cross-review-checklist.yaml").read_text(encoding="utf-8"))
    points = tuple(
        ReviewPoint(str(p["code"]), str(p["applies_to"]), str(p["text"]), p.get("compute") or None)
        for p in data["points"]
    )
    for p in points:
        if p.applies_to not in RECORD_TYPES:
            raise ValueError(
                f"cross-review-checklist.yaml: {p.code}: applies_to must be inspection or hazard"
            )
        if p.compute is not None and p.compute not in COMPUTATIONS:
            raise ValueError(f"cross-review-checklist.yaml: {p.code}: unknown computation {p.compute}")
    return ReviewChecklist(version=str(data["version"]), points=points)
