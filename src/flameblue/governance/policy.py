"""The rule data of governance, read from ``rules/``: the action-item feedback and escalation rules
(``action-items.yaml``) and the target-responsibility letter templates (``letter-templates/*.yaml``), which
are loaded into :class:`~flameblue.governance.models.LetterTemplate` rows (by a data migration and by
``flameblue load-reference-data``). Files are checked as they are read; a bad file fails loudly."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

__all__ = [
    "ActionItemPolicy",
    "EscalationLevel",
    "TEMPLATES_DIR",
    "action_item_policy",
    "load_letter_templates",
    "load_letter_templates_reference",
    "template_rows",
]

RULES = Path(__file__).resolve().parent / "rules"
TEMPLATES_DIR = RULES / "letter-templates"
NOTIFY_TARGETS = {"owner", "committee", "upper_government"}


@dataclass(frozen=True)
class EscalationLevel:
    level: int
    after_days: int
    notify: tuple[str, ...]


@dataclass(frozen=True)
class ActionItemPolicy:
    version: str
    feedback_days: int
    levels: tuple[EscalationLevel, ...]
    recipient_roles: tuple[str, ...]
    interval_minutes: int

    def levels_due(self, days_overdue: int) -> list[EscalationLevel]:
        """Every level whose threshold is reached ``days_overdue`` days after the feedback date, lowest
        first; an item becomes overdue the day after its feedback date (day 1)."""
        if days_overdue < 1:
            return []
        return [lv for lv in self.levels if days_overdue - 1 >= lv.after_days]


@lru_cache(maxsize=1)
def action_item_policy() -> ActionItemPolicy:
    data = yaml.safe_load((RULES / "action-items.yaml").read_text(encoding="utf-8"))
    levels = tuple(
        EscalationLevel(int(raw["level"]), int(raw["after_days"]), tuple(raw["notify"]))
        for raw in data["escalation"]
    )
    if [lv.level for lv in levels] != list(range(1, len(levels) + 1)):
        raise ValueError("action-items.yaml: escalation levels must be numbered 1, 2, 3 … in order")
    if any(b.after_days < a.after_days for a, b in zip(levels, levels[1:], strict=False)):
        raise ValueError("action-items.yaml: after_days must not decrease from one level to the next")
    unknown = {t for lv in levels for t in lv.notify} - NOTIFY_TARGETS
    if unknown:
        raise ValueError(f"action-items.yaml: unknown notify targets {sorted(unknown)}")
    feedback_days = int(data["feedback_days"])
    if feedback_days < 1:
        raise ValueError("action-items.yaml: feedback_days must be at least 1")
    return ActionItemPolicy(
        version=str(data["version"]),
        feedback_days=feedback_days,
        levels=levels,
        recipient_roles=tuple(data["recipient_roles"]),
        interval_minutes=int(data["sweep"]["interval_minutes"]),
    )


def _template(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = data.get("items") or []
    if not items:
        raise ValueError(f"{path.name}: 模板没有目标条目")
    total = sum(Decimal(str(item["weight"])) for item in items)
    if total != Decimal(100):
        raise ValueError(f"{path.name}: 目标条目分值合计为 {total}，应为 100")
    return data


def template_rows() -> list[dict[str, Any]]:
    """Every template file, checked (items present, weights adding up to 100)."""
    return [_template(path) for path in sorted(TEMPLATES_DIR.glob("*.yaml"))]


@transaction.atomic
def load_letter_templates(template_model=None, item_model=None) -> int:
    """Create the templates of the data files that are not in the table yet (a version is never rewritten:
    letters point to it). Returns how many were created."""
    if template_model is None:
        from flameblue.governance.models import LetterTemplate as template_model  # noqa: N813
        from flameblue.governance.models import LetterTemplateItem as item_model  # noqa: N813
    created = 0
    for data in template_rows():
        template, was_created = template_model.objects.get_or_create(
            code=data["code"],
            version=str(data["version"]),
            defaults={
                "title": data["title"],
                "signatory_kinds": list(data.get("signatory_kinds", [])),
                "preamble": data.get("preamble", ""),
            },
        )
        if not was_created:
            continue
        created += 1
        item_model.objects.bulk_create(
            item_model(
                template=template, number=number, section=item["section"], content=item["content"],
                weight=Decimal(str(item["weight"])), indicator=item["indicator"],
            )
            for number, item in enumerate(data["items"], start=1)
        )  # fmt: skip
    return created


def load_letter_templates_reference(**options: Any) -> str:
    """The ``load-reference-data`` step for letter templates (registered in ``GovernanceConfig.ready()``)."""
    return f"责任书模板 letter templates: {load_letter_templates()} created"
