"""Loading the place-type and risk-tag data files."""

from __future__ import annotations

from pathlib import Path

import yaml
from django.db import transaction

RULES_DIR = Path(__file__).resolve().parent / "rules"


def _read(name: str) -> dict:
    with (RULES_DIR / name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def place_type_names() -> dict[str, str]:
    """Place-type code → Chinese name, in file order (the checklists' place types use the same codes)."""
    return {str(row["code"]): str(row["name"]) for row in _read("place-types.yaml")["place_types"]}


@transaction.atomic
def load_place_types_and_tags(place_type_model=None, risk_tag_model=None) -> tuple[int, int]:
    if place_type_model is None or risk_tag_model is None:
        from flameblue.units.models import PlaceType, RiskTag

        place_type_model, risk_tag_model = PlaceType, RiskTag
    types = _read("place-types.yaml")["place_types"]
    for order, row in enumerate(types):
        place_type_model.objects.update_or_create(
            code=row["code"],
            defaults={"name": row["name"], "name_en": row.get("name_en", ""), "sort_order": order},
        )
    tags = _read("risk-tags.yaml")["risk_tags"]
    for order, row in enumerate(tags):
        risk_tag_model.objects.update_or_create(
            code=row["code"],
            defaults={"name": row["name"], "group": row.get("group", ""), "sort_order": order},
        )
    return len(types), len(tags)


def deployment_provinces() -> set[str]:
    """The province codes of the shipped region data (``geo/data/regions-*.csv``): the deployment's provinces.
    A provincial key-unit rule set is active only where its province is deployed (Anhui's in an Anhui one)."""
    from flameblue.geo.loader import read_region_rows

    return {row["code"] for row in read_region_rows() if row.get("level") == "province"}


def load_key_unit_rulesets(ruleset_model=None) -> list[str]:
    """Store every ``key-units-*.yaml`` rule set (except ``status: example`` files) as a KeyUnitRuleSet row.

    Re-running updates the row of the same code and version; a new version is a new row. Files say whether
    they are active; older versions of the same code are deactivated when a newer active one arrives. A
    provincial file (``scope: province``) is active only when its ``region`` is a deployed province."""
    from flameblue.units.keyunits import ruleset_from_dict

    if ruleset_model is None:
        from flameblue.units.models import KeyUnitRuleSet as ruleset_model
    loaded = []
    for path in sorted(RULES_DIR.glob("key-units-*.yaml")):
        content = _read(path.name)
        if content.get("status") == "example":
            continue
        ruleset = ruleset_from_dict(content)  # refuses a malformed file before anything is stored
        status = "active" if content.get("status", "active") == "active" else "inactive"
        if content.get("scope") == "province" and str(content.get("region")) not in deployment_provinces():
            status = "inactive"
        if status == "active":
            ruleset_model.objects.filter(code=ruleset.code, status="active").exclude(
                version=ruleset.version
            ).update(status="inactive")
        ruleset_model.objects.update_or_create(
            code=ruleset.code,
            version=ruleset.version,
            defaults={
                "name": ruleset.name,
                "status": status,
                "priority": ruleset.priority,
                "content": content,
            },
        )
        loaded.append(ruleset.label)
    return loaded
