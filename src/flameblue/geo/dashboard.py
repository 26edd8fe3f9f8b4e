"""geo's part of the home page: the user's jurisdiction (我的辖区)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flameblue.core.dashboard import DEFAULT_HOME, register_panel
from flameblue.geo.selectors import top_regions

__all__ = ["jurisdiction", "register"]


def jurisdiction(user: Any, today: dt.date) -> list[Any]:
    """The widest regions of the user's scope, as links to their pages."""
    return top_regions(user)


def register() -> None:
    """Called from ``GeoConfig.ready()``."""
    register_panel(
        "jurisdiction", jurisdiction, order=30, context_name="regions",
        homes=["inspector", "station", "corps", "government", "grid", "department", DEFAULT_HOME],
    )  # fmt: skip
