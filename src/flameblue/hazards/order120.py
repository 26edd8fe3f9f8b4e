"""The procedure rules of 《消防监督检查规定》（公安部令第120号）as data (``rules/order120.yaml``) and the legal
basis of notices (``rules/notice-basis.yaml``): the three statutory clocks counted on the editable working-day
calendar, which hazard sources the fire agency must verify before a notice, how many inspectors a supervision
inspection needs, and which article of the 消防法 each hazard on a notice breaches."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from flameblue.workdays.services import Deadline, due_date

__all__ = [
    "FaultKind",
    "clock_basis",
    "clock_due",
    "fault_kind",
    "hazard_articles",
    "inspector_rule_basis",
    "min_inspectors",
    "needs_verification",
    "notice_basis",
    "police_handover_due",
    "rules",
]

RULES_DIR = Path(__file__).resolve().parent / "rules"
CLOCKS = ("notice", "opinion", "major_notice")
LAW_ARTICLE = re.compile(r"《(?:中华人民共和国)?消防法》((?:第[一二三四五六七八九十百零]+条[、，,]?)+)")
ARTICLE = re.compile(r"第[一二三四五六七八九十百零]+条")


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    return yaml.safe_load((RULES_DIR / "order120.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def notice_basis() -> dict[str, Any]:
    return yaml.safe_load((RULES_DIR / "notice-basis.yaml").read_text(encoding="utf-8"))


def clock_basis(clock: str) -> str:
    return str(rules()["clocks"][clock]["basis"])


def clock_due(clock: str, start: dt.date | dt.datetime, *, experts: bool = False) -> Deadline:
    """The due date of ``clock`` (notice / opinion / major_notice) counted from ``start`` (the inspection, the
    verification or the determination); the opinion and the major-hazard notice get the expert extension."""
    if clock not in CLOCKS:
        raise KeyError(clock)
    data = rules()["clocks"]
    within = data[clock]["within"]
    amount = int(within["amount"])
    if experts and clock != "notice":
        amount += int(data["expert_extension"]["amount"])
    return due_date(start, amount, str(within["unit"]))


def police_handover_due(start: dt.date | dt.datetime) -> Deadline:
    within = rules()["police_handover"]["within"]
    return due_date(start, int(within["amount"]), str(within["unit"]))


def needs_verification(source: str) -> bool:
    """A hazard someone else reported (grid, department, self-inspection, police station) is verified by the
    fire agency before it is confirmed on a notice."""
    return source in set(rules()["verification"]["required_for_sources"])


def min_inspectors(kind: str) -> int:
    """How many inspectors an inspection of ``kind`` needs (第十四条: at least two for supervision)."""
    data = rules()["inspectors"]
    return int(data["minimum"]) if kind in set(data["kinds"]) else 1


def inspector_rule_basis() -> str:
    return str(rules()["inspectors"]["basis"])


@dataclass(frozen=True)
class FaultKind:
    code: str
    label: str
    articles: tuple[str, ...]


def _kind(raw: dict[str, Any]) -> FaultKind:
    return FaultKind(str(raw["code"]), str(raw["label"]), tuple(str(a) for a in raw["articles"]))


def _element_matches(element: str, prefix: str) -> bool:
    return element == prefix or element.startswith(prefix + ".")


def fault_kind(*, element: str = "", text: str = "") -> FaultKind:
    """The kind of fault of a hazard: by GB 35181 element prefix first, then by a keyword in its wording."""
    table = notice_basis()
    kinds = table["fault_kinds"]
    for raw in kinds:
        if element and any(_element_matches(element, p) for p in raw.get("elements", [])):
            return _kind(raw)
    for raw in kinds:
        if any(word in text for word in raw.get("keywords", [])):
            return _kind(raw)
    return _kind(table["default"])


def _checklist_articles(basis: str) -> list[str]:
    found: list[str] = []
    for match in LAW_ARTICLE.finditer(basis or ""):
        found += ARTICLE.findall(match.group(1))
    return list(dict.fromkeys(found))


def hazard_articles(hazard: Any) -> str:
    """ "《中华人民共和国消防法》第二十八条" — the article(s) the hazard breaches: those its checklist item cites,
    else those of its fault kind."""
    item = getattr(hazard, "checklist_item", None)
    articles = _checklist_articles(getattr(item, "legal_basis", "") if item is not None else "")
    if not articles:
        kind = fault_kind(
            element=hazard.gb35181_element or "", text=f"{hazard.location} {hazard.description}"
        )
        articles = list(kind.articles)
    return notice_basis()["law"] + "、".join(articles)
