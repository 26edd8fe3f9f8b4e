"""The rule data of the discipline records: the clue disposal path (``rules/clue-disposal.yaml``: each step's
deadline and the moves allowed from it — the transition table) and the ten service measures
(``rules/service-measures.yaml``). Checked as read; a bad file fails loudly."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from django.db import transaction

from flameblue.integrity.discipline.choices import ClueStatus

__all__ = ["DisposalRules", "disposal_rules", "load_measures", "measures_in_force", "service_measures"]

RULES = Path(__file__).resolve().parent / "rules"


@dataclass(frozen=True)
class DisposalRules:
    version: str
    days: dict[str, int | None]
    next: dict[str, tuple[str, ...]]

    def allowed(self, status: str) -> tuple[str, ...]:
        return self.next.get(status, ())

    def due_on(self, status: str, start: dt.date) -> dt.date | None:
        days = self.days.get(status)
        return start + dt.timedelta(days=days) if days else None

    def terminal(self, status: str) -> bool:
        return not self.next.get(status)


@lru_cache(maxsize=1)
def disposal_rules() -> DisposalRules:
    data = yaml.safe_load((RULES / "clue-disposal.yaml").read_text(encoding="utf-8"))
    steps = data["steps"]
    known = set(ClueStatus.values)
    if set(steps) != known:
        raise ValueError(f"clue-disposal.yaml: steps must be exactly {sorted(known)}")
    days: dict[str, int | None] = {}
    nxt: dict[str, tuple[str, ...]] = {}
    for code, step in steps.items():
        targets = tuple(str(t) for t in step.get("next") or ())
        if not set(targets) <= known or code in targets:
            raise ValueError(f"clue-disposal.yaml: {code}: unknown or self move in {targets}")
        value = step.get("days")
        if targets and (not isinstance(value, int) or value < 1):
            raise ValueError(f"clue-disposal.yaml: {code}: a step with next steps needs days ≥ 1")
        days[code], nxt[code] = value, targets
    return DisposalRules(version=str(data["version"]), days=days, next=nxt)


@dataclass(frozen=True)
class Measure:
    code: str
    title: str
    description: str


@lru_cache(maxsize=1)
def service_measures() -> tuple[str, tuple[Measure, ...]]:
    data = yaml.safe_load((RULES / "service-measures.yaml").read_text(encoding="utf-8"))
    measures = tuple(
        Measure(str(m["code"]), str(m["title"]), str(m["description"])) for m in data["measures"]
    )
    if len(measures) != 10 or len({m.code for m in measures}) != 10:
        raise ValueError("service-measures.yaml: ten measures with distinct codes are expected")
    return str(data["version"]), measures


@transaction.atomic
def load_measures() -> int:
    """Create the measures of the data file's version that are not in the table yet. Returns how many."""
    from flameblue.integrity.discipline.models import ServiceMeasure

    version, measures = service_measures()
    created = 0
    for m in measures:
        _row, was_created = ServiceMeasure.objects.get_or_create(
            code=m.code, rules_version=version, defaults={"title": m.title, "description": m.description}
        )
        created += was_created
    return created


def measures_in_force():
    """The measure rows of the data file's version (loaded now if a deployment has not loaded them yet)."""
    from flameblue.integrity.discipline.models import ServiceMeasure

    version = service_measures()[0]
    if not ServiceMeasure.objects.filter(rules_version=version).exists():
        load_measures()
    return ServiceMeasure.objects.filter(rules_version=version).order_by("code")


def load_measures_reference(**options) -> str:
    """The ``load-reference-data`` step for the service measures."""
    return f"便民利民措施 service measures: {load_measures()} created"
