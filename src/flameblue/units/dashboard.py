"""units' part of the home page: the unit count in scope and the key-unit rows of the work queue."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext_lazy as _

from flameblue.core.dashboard import QueueRow, filtered_url, register_scoped_count
from flameblue.core.scoping import has_action
from flameblue.units.models import KeyUnitDeclaration, Unit
from flameblue.units.selectors import outstanding_declarations

__all__ = ["register", "unit_rows"]


def unit_rows(user: Any, today: dt.date) -> list[QueueRow]:
    """Work-queue rows: key units awaiting review, key units that have not declared this year."""
    rows = []
    if has_action(user, Unit, "confirm_key"):
        review = Unit.objects.visible_to(user, "confirm_key").filter(key_unit_needs_review=True).count()
        rows.append(QueueRow(_("重点单位待复核"), review, filtered_url("units:unit-list", key_unit="review")))
    if has_action(user, KeyUnitDeclaration, "view") and has_action(user, Unit, "confirm_key"):
        outstanding = outstanding_declarations(user, today.year).count()
        rows.append(
            QueueRow(
                _("重点单位未申报"),
                outstanding,
                filtered_url("units:declaration-list", year=today.year),
                warning=True,
            )
        )
    return rows


def register() -> None:
    """Called from ``UnitsConfig.ready()``."""
    register_scoped_count("units", label=_("社会单位"), model=Unit, url_name="units:unit-list", order=30)
