"""Loading the versioned reference data files (industries, roles) into their tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

__all__ = [
    "INDUSTRIES_FILE",
    "ROLES_FILE",
    "load_industries",
    "load_industries_reference",
    "load_roles",
    "load_roles_reference",
]

RULES_DIR = Path(__file__).resolve().parent / "rules"
INDUSTRIES_FILE = RULES_DIR / "industries.yaml"
ROLES_FILE = RULES_DIR / "roles.yaml"


def _read(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@transaction.atomic
def load_industries(industry_model=None) -> int:
    if industry_model is None:
        from flameblue.org.models import Industry as industry_model  # noqa: N813
    rows = _read(INDUSTRIES_FILE)["industries"]
    for order, row in enumerate(rows):
        industry_model.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "name_en": row.get("name_en", ""),
                "department_name": row.get("department", ""),
                "sort_order": order,
            },
        )
    return len(rows)


def app_grants() -> dict[str, list[str]]:
    """Actions that apps grant to roles in their own ``<app>/rules/role-actions*.yaml`` files (one per
    sub-domain if the app likes)."""
    grants: dict[str, list[str]] = {}
    for path in sorted(RULES_DIR.parent.parent.glob("*/rules/role-actions*.yaml")):
        for code, actions in (_read(path).get("grants") or {}).items():
            grants.setdefault(code, []).extend(actions)
    return grants


@transaction.atomic
def load_roles(role_model=None, *, overwrite: bool = False) -> tuple[int, int]:
    """Create the roles of the data file; with ``overwrite`` also reset existing roles' actions to the file."""
    if role_model is None:
        from flameblue.org.models import Role as role_model  # noqa: N813
    created = updated = 0
    extra = app_grants()
    for row in _read(ROLES_FILE)["roles"]:
        actions = list(row.get("actions", []))
        actions += [a for a in extra.get(row["code"], []) if a not in actions]
        values = {
            "name": row["name"],
            "name_en": row.get("name_en", ""),
            "actions": actions,
            "duty_group": row.get("duty_group", ""),
            "requires_2fa": bool(row.get("requires_2fa", False)),
            "home": row.get("home", "jurisdiction"),
            "description": row.get("description", ""),
        }
        role = role_model.objects.filter(code=row["code"]).first()
        if role is None:
            role_model.objects.create(code=row["code"], **values)
            created += 1
        elif overwrite:
            for key, value in values.items():
                setattr(role, key, value)
            role.version += 1
            role.save()
            updated += 1
    return created, updated


def grant_actions(role_model, grants: dict[str, list[str]]) -> None:
    """Append actions to existing roles (for data migrations of apps that add actions after roles exist)."""
    for code, actions in grants.items():
        role = role_model.objects.filter(code=code).first()
        if role is None:
            continue
        missing = [a for a in actions if a not in role.actions]
        if missing:
            role.actions = [*role.actions, *missing]
            role.save(update_fields=["actions"])


def load_industries_reference(**options: Any) -> str:
    """The ``load-reference-data`` step for industries (registered in ``OrgConfig.ready()``)."""
    return f"行业 industries: {load_industries()} loaded"


def load_roles_reference(*, overwrite_roles: bool = False, **options: Any) -> str:
    """The ``load-reference-data`` step for roles; ``--overwrite-roles`` resets existing roles' actions."""
    created, updated = load_roles(overwrite=overwrite_roles)
    return f"角色 roles: {created} created, {updated} reset from roles.yaml"
