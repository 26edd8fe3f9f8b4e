"""The rule data of integrity, read from ``rules/``: the liaison-visit obligations
(``liaison-obligations.yaml``) and the conflict-of-interest rule for relatives' businesses
(``conflicts.yaml``). Files are checked as they are read; a bad file fails loudly. The version of each is
recorded on what it decided (a declaration's ``rules_version``) or shown beside what it computed (the due
list)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from django.db import transaction

__all__ = [
    "ConflictRule",
    "Obligation",
    "ObligationPolicy",
    "conflict_rule",
    "obligation_policy",
    "period_of",
]

RULES = Path(__file__).resolve().parent / "rules"
PERIODS = {"quarter", "year"}


@dataclass(frozen=True)
class Obligation:
    code: str
    name: str
    period: str
    min_visits: int


@dataclass(frozen=True)
class ObligationPolicy:
    version: str
    obligations: tuple[Obligation, ...]


@dataclass(frozen=True)
class ConflictRule:
    version: str
    valid_years: int
    fire_service_keywords: tuple[str, ...]

    def is_fire_service(self, business_scope: str) -> bool:
        return any(word in business_scope for word in self.fire_service_keywords)


def period_of(period: str, day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of the quarter or year that contains ``day``."""
    if period == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = dt.date(day.year, first_month, 1)
    end = dt.date(day.year + (first_month == 10), (first_month + 3) % 12 or 12, 1) - dt.timedelta(days=1)
    return start, end


@lru_cache(maxsize=1)
def obligation_policy() -> ObligationPolicy:
    data = yaml.safe_load((RULES / "liaison-obligations.yaml").read_text(encoding="utf-8"))
    obligations = tuple(
        Obligation(str(raw["code"]), str(raw["name"]), str(raw["period"]), int(raw["min_visits"]))
        for raw in data["obligations"]
    )
    if not obligations:
        raise ValueError("liaison-obligations.yaml: no obligations")
    for ob in obligations:
        if ob.period not in PERIODS or ob.min_visits < 1:
            raise ValueError(
                f"liaison-obligations.yaml: {ob.code}: period must be quarter/year, min_visits ≥ 1"
            )
    return ObligationPolicy(version=str(data["version"]), obligations=obligations)


@lru_cache(maxsize=1)
def conflict_rule() -> ConflictRule:
    data = yaml.safe_load((RULES / "conflicts.yaml").read_text(encoding="utf-8"))
    keywords = tuple(str(k) for k in data["fire_service_keywords"])
    valid_years = int(data["valid_years"])
    if not keywords or valid_years < 1:
        raise ValueError("conflicts.yaml: keywords must be listed and valid_years be at least 1")
    return ConflictRule(version=str(data["version"]), valid_years=valid_years, fire_service_keywords=keywords)


@transaction.atomic
def load_obligations(model=None) -> int:
    """Create the obligations of the data file's version that are not in the table yet (a version is never
    rewritten). Returns how many were created."""
    if model is None:
        from flameblue.integrity.models import LiaisonObligation as model  # noqa: N813
    policy = obligation_policy()
    created = 0
    for ob in policy.obligations:
        _row, was_created = model.objects.get_or_create(
            code=ob.code, version=policy.version,
            defaults={"name": ob.name, "period": ob.period, "min_visits": ob.min_visits},
        )  # fmt: skip
        created += was_created
    return created


def obligations_in_force() -> list:
    """The obligation rows of the data file's version (loaded now if a deployment has not loaded them yet)."""
    from flameblue.integrity.models import LiaisonObligation

    version = obligation_policy().version
    rows = list(LiaisonObligation.objects.filter(version=version).order_by("id"))
    if not rows:
        load_obligations()
        rows = list(LiaisonObligation.objects.filter(version=version).order_by("id"))
    return rows


def load_obligations_reference(**options) -> str:
    """The ``load-reference-data`` step for liaison obligations (registered in ``IntegrityConfig.ready()``)."""
    return f"蹲点义务 liaison obligations: {load_obligations()} created"
