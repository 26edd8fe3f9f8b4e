"""The rule data of the 双拥 app, read from ``rules/``: the activity types (``activity-types.yaml``), loaded
into :class:`~flameblue.community.models.ActivityType` rows by a data migration and by
``flameblue load-reference-data``. The file is checked as it is read; a bad file fails loudly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

__all__ = [
    "RULES",
    "activity_type_rows",
    "load_activity_types",
    "load_activity_types_reference",
    "load_agenda_tags",
    "load_all",
    "load_roles",
    "load_rules_reference",
    "load_terms",
]

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


# ------------------------------------------------------------------------------------------- more rule data


def _read(name: str) -> dict[str, Any]:
    return yaml.safe_load((RULES / name).read_text(encoding="utf-8"))


def _terms(rows: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    codes = [r.get("code") for r in rows]
    if not rows or len(set(codes)) != len(codes) or any(not r.get("code") or not r.get("name") for r in rows):
        raise ValueError(f"{name}: entries must be present, named, and their codes unique")
    return rows


def _upsert(model, key: dict[str, Any], values: dict[str, Any]) -> int:
    obj, created = model.objects.get_or_create(**key, defaults=values)
    if not created and any(getattr(obj, k) != v for k, v in values.items()):
        model.objects.filter(pk=obj.pk).update(**values)
        return 1
    return int(created)


@transaction.atomic
def load_terms(model, filename: str, key: str) -> int:
    """Load a simple term list (``holidays.yaml``, ``education-session-types.yaml``) into ``model``: code,
    name, English name, order and the file's version; a term dropped from the file is deactivated."""
    data = _read(filename)
    rows = _terms(list(data.get(key) or []), filename)
    version = str(data["version"])
    changed = 0
    for order, row in enumerate(rows, start=1):
        values = {"name": row["name"], "name_en": row.get("name_en", ""), "order": order, "version": version,
                  "active": True}  # fmt: skip
        changed += _upsert(model, {"code": row["code"]}, values)
    model.objects.exclude(code__in=[r["code"] for r in rows]).update(active=False)
    return changed


@transaction.atomic
def load_agenda_tags(model=None) -> int:
    """Load the agenda-tag vocabularies of ``agenda-tags.yaml`` with their frequency rules."""
    if model is None:
        from flameblue.community.models import AgendaTag as model  # noqa: N813
    data = _read("agenda-tags.yaml")
    version, changed, kept = str(data["version"]), 0, []
    for vocabulary, spec in (data.get("vocabularies") or {}).items():
        for order, row in enumerate(_terms(list(spec.get("tags") or []), "agenda-tags.yaml"), start=1):
            if row.get("period") not in ("quarter", "year") or int(row.get("minimum", 1)) < 1:
                raise ValueError(
                    f"agenda-tags.yaml: {row['code']}: period must be quarter or year, minimum >= 1"
                )
            values = {"vocabulary_name": spec["name"], "name": row["name"], "short": row.get("short", row["name"]),
                      "name_en": row.get("name_en", ""), "period": row["period"], "minimum": int(row.get("minimum", 1)),
                      "order": order, "version": version, "active": True}  # fmt: skip
            changed += _upsert(model, {"vocabulary": vocabulary, "code": row["code"]}, values)
            kept.append(model.objects.get(vocabulary=vocabulary, code=row["code"]).pk)
    model.objects.exclude(pk__in=kept).update(active=False)
    return changed


def load_roles(role_model) -> int:
    """Create the 双拥 roles of ``roles.yaml`` that do not exist yet (existing roles keep their actions)."""
    created = 0
    for row in _read("roles.yaml")["roles"]:
        _role, made = role_model.objects.get_or_create(
            code=row["code"],
            defaults={"name": row["name"], "name_en": row.get("name_en", ""), "actions": list(row["actions"]),
                      "home": row.get("home", "jurisdiction")},
        )  # fmt: skip
        created += int(made)
    return created


def load_all(apps=None) -> int:
    """Every rule file of the app (``apps``: a migration's app registry, or None for the live models)."""
    get = (lambda name: apps.get_model("community", name)) if apps else None
    from django.apps import apps as live

    get = get or (lambda name: live.get_model("community", name))
    role = (apps or live).get_model("org", "Role")
    return (
        load_activity_types(get("ActivityType")) + load_agenda_tags(get("AgendaTag"))
        + load_terms(get("Holiday"), "holidays.yaml", "holidays")
        + load_terms(get("SessionType"), "education-session-types.yaml", "types") + load_roles(role)
    )  # fmt: skip


def load_rules_reference(**options: Any) -> str:
    """The ``load-reference-data`` step for the 双拥 rule data beyond activity types."""
    return f"双拥规则数据 community rules: {load_all()} loaded"
