"""Reads behind the statistics pages: which figures a reader may see, and their values."""

from __future__ import annotations

from typing import Any

from flameblue.core.figures import Figure, FigurePeriod, FigureValue, figure_value, figures
from flameblue.core.scoping import has_action

__all__ = ["readable_figures", "values_for"]


def readable_figures(user: Any) -> list[Figure]:
    """The figures whose records the reader may view somewhere (a figure over records they cannot read is
    not shown at all, as a menu entry would not be)."""
    return [f for f in figures() if has_action(user, f.model, "view")]


def values_for(user: Any, period: FigurePeriod) -> list[FigureValue]:
    return [figure_value(f, period, user=user) for f in readable_figures(user)]
