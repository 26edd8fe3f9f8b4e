"""The rule data of the 双拥 app, read from ``rules/``: the activity types (``activity-types.yaml``), loaded
into :class:`~flameblue.community.models.ActivityType` rows by a data migration and by
``flameblue load-reference-data``. The file is checked as it is read; a bad file fails loudly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

__all__ = ["RULES", "activity_type_rows", "load_activity_types", "load_activity_types_reference"]

RULES = Path(__file__).resolve().parent / "rules"


def activity_type_rows() -> tuple[str, list[dict[str, Any]]]:
    """(version, types) of ``activity-types.yaml``; codes must be unique and every type named."""
    data = yaml.safe_load((RULES / "activity-types.yaml").read_text(encoding="utf-8"))
    types = list(data.get("types") or [])
    codes = [t["code"] for t in types]
    if not types or len(set(codes)) != len(codes):
        raise ValueError("activity-types.yaml: types must be present and their codes unique")
    if any(not t.get("name") for t in types):
        raise ValueError("activity-types.yaml: every type needs a name")
    return str(data["version"]), types


@transaction.atomic
def load_activity_types(model=None) -> int:
    """Create or refresh the types of the file (a type dropped from the file is deactivated, never deleted:
    activities point to it). Returns how many rows were created or changed."""
    if model is None:
        from flameblue.community.models import ActivityType as model  # noqa: N813
    version, types = activity_type_rows()
    changed = 0
    for order, row in enumerate(types, start=1):
        values = {"name": row["name"], "name_en": row.get("name_en", ""), "order": order, "version": version,
                  "active": True}  # fmt: skip
        obj, created = model.objects.get_or_create(code=row["code"], defaults=values)
        if not created and any(getattr(obj, k) != v for k, v in values.items()):
            model.objects.filter(pk=obj.pk).update(**values)
            changed += 1
        changed += int(created)
    model.objects.exclude(code__in=[t["code"] for t in types]).update(active=False)
    return changed


def load_activity_types_reference(**options: Any) -> str:
    """The ``load-reference-data`` step for activity types (registered in ``CommunityConfig.ready()``)."""
    return f"双拥活动类型 activity types: {load_activity_types()} loaded"
