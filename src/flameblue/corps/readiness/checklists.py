"""The readiness checklists as data: ``rules/checklists.yaml`` checked and loaded into
:class:`~flameblue.corps.readiness.models.ReadinessChecklist` rows (a new version is a new row; the old
one stays for the checks that used it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from flameblue.corps.readiness.choices import ChecklistKind

__all__ = ["CHECKLISTS_FILE", "checklist_rows", "load_checklists", "load_checklists_reference"]

CHECKLISTS_FILE = Path(__file__).resolve().parent / "rules" / "checklists.yaml"


def checklist_rows(path: Path = CHECKLISTS_FILE) -> tuple[str, list[dict[str, Any]]]:
    """The file's version and checklists; a checklist with an unknown kind or repeated item code is refused."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rows = data["checklists"]
    for row in rows:
        if row["kind"] not in ChecklistKind.values:
            raise ValueError(f"{path.name}: checklist {row['code']}: unknown kind {row['kind']!r}")
        codes = [item["code"] for item in row["items"]]
        if len(codes) != len(set(codes)) or not all(item.get("text") for item in row["items"]):
            raise ValueError(f"{path.name}: checklist {row['code']}: repeated item codes or empty items")
    return str(data["version"]), rows


@transaction.atomic
def load_checklists(checklist_model=None) -> int:
    """Create the checklists of the file's version not in the table yet; returns how many were created."""
    if checklist_model is None:
        from flameblue.corps.readiness.models import ReadinessChecklist as checklist_model  # noqa: N813
    version, rows = checklist_rows()
    created = 0
    for row in rows:
        _obj, was_created = checklist_model.objects.get_or_create(
            code=row["code"], version=version,
            defaults={"kind": row["kind"], "title": row["title"], "items": row["items"]},
        )  # fmt: skip
        if was_created:
            checklist_model.objects.filter(code=row["code"]).exclude(version=version).update(is_active=False)
        created += was_created
    return created


def load_checklists_reference(**options: Any) -> str:
    """The ``load-reference-data`` step for readiness checklists (registered in ``CorpsConfig.ready()``)."""
    return f"执勤战备检查表 readiness checklists: {load_checklists()} created"
