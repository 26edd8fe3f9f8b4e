"""The monthly assessment's rules as data: ``rules/assessment-items.yaml`` checked and loaded into
:class:`~flameblue.corps.models.AssessmentItem` rows, and the small functions that apply them — reading a
raw result as the team types it (``12'30"``, ``12:30`` or ``750``), forming a crew's value, and looking the
value up in the item's scoring table."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.utils.translation import gettext as _

from flameblue.core.errors import DomainError
from flameblue.corps.choices import CrewRule, Direction, ItemCategory, ItemUnit

__all__ = [
    "ITEMS_FILE",
    "RuleError",
    "crew_value",
    "format_value",
    "item_rows",
    "load_assessment_items",
    "load_items_reference",
    "objection_days",
    "parse_value",
    "score_for",
]

ITEMS_FILE = Path(__file__).resolve().parent / "rules" / "assessment-items.yaml"
_TIME = re.compile(r"""^\s*(?:(\d+)\s*(?:'|′|:|分))?\s*(\d+(?:\.\d)?)\s*(?:"|″|”|s|秒)?\s*$""")


class RuleError(ValueError):
    """An item file that cannot be used; the message names the item and the reason."""


def parse_time(text: str) -> Decimal:
    """Seconds from ``12'30"``, ``12:30``, ``12分30秒``, ``750`` or ``750s``; seconds past a minute must be
    under 60 (``12:75`` is refused)."""
    match = _TIME.match(str(text))
    if not match:
        raise DomainError(
            _("用时“%(text)s”无法识别，请写作 12'30\" 或 750（秒）。") % {"text": text}, field="raw"
        )
    minutes, seconds = match.group(1), Decimal(match.group(2))
    if minutes is not None:
        if seconds >= 60:
            raise DomainError(
                _("用时“%(text)s”的秒数须小于 60，请写作 12'30\" 或 750（秒）。") % {"text": text},
                field="raw",
            )
        return int(minutes) * 60 + seconds
    return seconds


def parse_value(text: str, unit: str) -> Decimal:
    """A raw result as typed by the team, in the item's unit (seconds for time)."""
    if unit == ItemUnit.TIME:
        return parse_time(text)
    try:
        value = Decimal(str(text).strip())
    except InvalidOperation:
        raise DomainError(_("成绩“%(text)s”不是数字。") % {"text": text}, field="raw") from None
    if value < 0 or (unit == ItemUnit.COUNT and value != value.to_integral_value()):
        raise DomainError(_("成绩“%(text)s”无效：次数须为非负整数。") % {"text": text}, field="raw")
    if unit == ItemUnit.SCORE and value > 100:
        raise DomainError(_("分数不能超过 100。"), field="raw")
    return value


def format_value(value: Decimal, unit: str) -> str:
    if unit != ItemUnit.TIME:
        return f"{value.normalize():f}"
    minutes, seconds = divmod(value, 60)
    seconds_text = f"{seconds.normalize():f}"
    return f"{int(minutes)}'{seconds_text.zfill(2)}\"" if minutes else f'{seconds_text}"'


def crew_value(values: list[Decimal], *, rule: str, faults: int, penalty_seconds: int) -> Decimal:
    """A crew drill's one value: the slowest member's time, or the crew's time plus a penalty per fault."""
    if rule == CrewRule.SLOWEST:
        return max(values)
    if rule == CrewRule.PENALTY:
        return max(values) + faults * penalty_seconds
    return values[0]


def score_for(value: Decimal, *, table: list[list[Any]], direction: str) -> Decimal:
    """The score of ``value`` in a scoring table (best band first); 0 below the last band. A single band
    ``[[100, 100], [0, 0]]`` on a score item means the score is the mark itself."""
    if table == [[100, 100], [0, 0]]:
        return value
    for threshold, score in table:
        threshold = Decimal(str(threshold))
        if (value <= threshold) if direction == Direction.LOWER else (value >= threshold):
            return Decimal(str(score))
    return Decimal(0)


def _check_item(item: dict[str, Any]) -> dict[str, Any]:
    where = item.get("code", "?")
    for key, allowed in (("category", ItemCategory), ("unit", ItemUnit), ("direction", Direction)):
        if item.get(key) not in allowed.values:
            raise RuleError(f"{where}：{key} 应为 {'、'.join(allowed.values)} 之一")
    rule = item.get("crew_rule", "")
    if (item["category"] == ItemCategory.CREW_DRILL) != bool(rule) or rule not in CrewRule.values:
        raise RuleError(f"{where}：班组操法须且只有班组操法须写明 crew_rule（slowest 或 penalty）")
    if rule == CrewRule.PENALTY and not item.get("penalty_seconds"):
        raise RuleError(f"{where}：penalty 规则须写明每次失误罚时 penalty_seconds")
    try:
        table = [
            [parse_value(t, item["unit"]) if isinstance(t, str) else Decimal(str(t)), s]
            for t, s in item["table"]
        ]
    except (DomainError, TypeError, ValueError) as exc:
        raise RuleError(f"{where}：评分标准无法读取（{exc}）") from None
    thresholds = [t for t, _s in table]
    ordered = sorted(thresholds, reverse=item["direction"] == Direction.HIGHER)
    scores = [s for _t, s in table]
    if not table or thresholds != ordered or scores != sorted(scores, reverse=True):
        raise RuleError(f"{where}：评分标准须自最好一档起排列，得分递减")
    return {**item, "table": [[float(t), s] for t, s in table]}


def item_rows() -> tuple[str, list[dict[str, Any]]]:
    """The file's version and its items, checked."""
    data = yaml.safe_load(ITEMS_FILE.read_text(encoding="utf-8"))
    codes = [i.get("code") for i in data["items"]]
    if len(codes) != len(set(codes)):
        raise RuleError("assessment-items.yaml：项目代码重复")
    return str(data["version"]), [_check_item(item) for item in data["items"]]


def objection_days() -> int:
    return int(yaml.safe_load(ITEMS_FILE.read_text(encoding="utf-8")).get("objection_days", 5))


@transaction.atomic
def load_assessment_items(item_model=None) -> int:
    """Create the items of the file's version not in the table yet; returns how many were created."""
    if item_model is None:
        from flameblue.corps.models import AssessmentItem as item_model  # noqa: N813
    version, rows = item_rows()
    created = 0
    for order, row in enumerate(rows, start=1):
        _obj, was_created = item_model.objects.get_or_create(
            code=row["code"], version=version,
            defaults={
                "title": row["title"], "category": row["category"], "unit": row["unit"],
                "direction": row["direction"], "table": row["table"], "crew_rule": row.get("crew_rule", ""),
                "penalty_seconds": row.get("penalty_seconds", 0), "order": order,
            },
        )  # fmt: skip
        created += was_created
    if created:
        item_model.objects.filter(is_active=True).exclude(version=version).update(is_active=False)
    return created


def load_items_reference(**options: Any) -> str:
    """The ``load-reference-data`` step for assessment items (registered in ``CorpsConfig.ready()``)."""
    return f"月度考核项目 assessment items: {load_assessment_items()} created"
