"""Template tags of the inspections app: the unit manager's home panel (today's patrol, this month's check)."""

from __future__ import annotations

from typing import Any

from django import template

from flameblue.core.scoping import has_action
from flameblue.inspections.models import Inspection
from flameblue.inspections.selectors import managed_units, self_inspection_today

register = template.Library()


@register.inclusion_tag("inspections/_unit_manager_panel.html")
def unit_manager_panel(user: Any) -> dict[str, Any]:
    """One row per unit the user works for: whether today's daily patrol and this month's check are done."""
    if not has_action(user, Inspection, "view"):
        return {"days": []}
    return {
        "days": [self_inspection_today(unit) for unit in managed_units(user)[:10]],
        "can_add": has_action(user, Inspection, "add"),
    }
