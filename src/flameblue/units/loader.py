"""Loading the place-type and risk-tag data files."""

from __future__ import annotations

from pathlib import Path

import yaml
from django.db import transaction

RULES_DIR = Path(__file__).resolve().parent / "rules"


def _read(name: str) -> dict:
    with (RULES_DIR / name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@transaction.atomic
def load_place_types_and_tags(place_type_model=None, risk_tag_model=None) -> tuple[int, int]:
    if place_type_model is None or risk_tag_model is None:
        from flameblue.units.models import PlaceType, RiskTag

        place_type_model, risk_tag_model = PlaceType, RiskTag
    types = _read("place-types.yaml")["place_types"]
    for order, row in enumerate(types):
        place_type_model.objects.update_or_create(
            code=row["code"], defaults={"name": row["name"], "name_en": row.get("name_en", ""), "sort_order": order}
        )
    tags = _read("risk-tags.yaml")["risk_tags"]
    for order, row in enumerate(tags):
        risk_tag_model.objects.update_or_create(
            code=row["code"], defaults={"name": row["name"], "group": row.get("group", ""), "sort_order": order}
        )
    return len(types), len(tags)
