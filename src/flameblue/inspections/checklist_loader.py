"""Reading the checklist data files (``checklists/<code>-<version>.yaml``) and loading them as versions.

Each file is one version of one checklist. Loading creates a Checklist row for every (code, version) not yet
in the database and leaves existing versions alone when their content is unchanged. A draft whose file
changed is refreshed; a published or retired version whose file changed is refused, because inspections
already refer to it: a change must come as a new version. The first version of a checklist is published on
load so the system is usable from the start; later versions arrive as drafts for an administrator.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.utils import timezone

from flameblue.hazards.supervision import determination as gb35181
from flameblue.inspections.choices import PLACE_TYPES, ChecklistKind, ChecklistStatus, HazardGrade
from flameblue.inspections.measurements import parse_spec

__all__ = [
    "CHECKLISTS_DIR",
    "ChecklistConflict",
    "ChecklistData",
    "ChecklistFileError",
    "LoadReport",
    "element_in",
    "gb35181_elements",
    "load_checklists",
    "read_checklist_file",
    "read_checklists",
]

APP_DIR = Path(__file__).resolve().parent
CHECKLISTS_DIR = APP_DIR / "checklists"
# Checklist items name GB 35181-2017 clause numbers; the one catalogue of each version is the hazards rule set
# (hazards/rules/gb35181-<year>.yaml), read through the determination engine — there is no second copy here.
CHECKLIST_STANDARD = "GB35181-2017"
HEADER_KEYS = ("code", "version", "title", "place_type", "kind", "effective_from")


class ChecklistFileError(ValueError):
    """A checklist data file is malformed; the message names the file and the item."""


class ChecklistConflict(ChecklistFileError):
    """A file changes the content of a version that is already published or retired."""


@cache
def gb35181_elements(standard: str = CHECKLIST_STANDARD) -> dict[str, str]:
    """The element codes of a GB 35181 version with their texts, from the hazards rule set (the catalogue)."""
    std = gb35181.load_standard(standard)
    return {e.clause: e.text for e in (*std.direct.values(), *std.comprehensive.values())}


def element_in(element_2017: str, standard: str) -> str:
    """A checklist item's element (a 2017 clause) in ``standard``: the same clause under 2017, the element
    that replaces it under 2025 (its ``from_2017``); "" for none."""
    return gb35181.equivalent(element_2017, standard) if element_2017 else ""


@dataclass
class ChecklistData:
    code: str
    version: str
    title: str
    place_type: str
    kind: str
    effective_from: dt.date
    items: list[dict[str, Any]]
    source_file: str
    source_hash: str = field(default="")

    def header(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "place_type": self.place_type,
            "kind": self.kind,
            "effective_from": self.effective_from,
            "source_file": self.source_file,
            "source_hash": self.source_hash,
        }


def _item(raw: dict[str, Any], *, section: str, order: int, where: str) -> dict[str, Any]:
    code = str(raw.get("code") or "")
    at = f"{where} 检查项 {code or f'第 {order} 项'}"
    for key in ("code", "text", "basis", "grade"):
        if not str(raw.get(key) or "").strip():
            raise ChecklistFileError(f"{at}：缺少 {key}")
    if raw["grade"] not in HazardGrade.values:
        raise ChecklistFileError(f"{at}：grade 须为 {HazardGrade.values} 之一，得到 {raw['grade']!r}")
    element = str(raw.get("element") or "")
    if element and element not in gb35181_elements():
        raise ChecklistFileError(
            f"{at}：element {element!r} 不是 GB 35181-2017 的判定要素编号（见 hazards/rules/gb35181-2017.yaml）"
        )
    measurement = raw.get("measurement") or None
    if measurement is not None:
        if not element:
            raise ChecklistFileError(f"{at}：需要测量的检查项必须注明所证明的 GB 35181 判定要素 element")
        try:
            parse_spec(measurement)
        except ValueError as exc:
            raise ChecklistFileError(f"{at}：{exc}") from exc
    return {
        "code": code,
        "order": order,
        "section": section,
        "text": str(raw["text"]).strip(),
        "legal_basis": str(raw["basis"]).strip(),
        "default_grade": raw["grade"],
        "gb35181_element": element,
        "measurement": measurement,
    }


def _header(raw: dict[str, Any], where: str) -> dict[str, Any]:
    missing = [k for k in (*HEADER_KEYS, "sections") if k not in raw]
    if missing:
        raise ChecklistFileError(f"{where}：缺少字段 {', '.join(missing)}")
    if raw["kind"] not in ChecklistKind.values:
        raise ChecklistFileError(f"{where}：kind 须为 {ChecklistKind.values} 之一，得到 {raw['kind']!r}")
    place_type = str(raw["place_type"] or "")
    if place_type and place_type not in PLACE_TYPES:
        raise ChecklistFileError(f"{where}：place_type {place_type!r} 不是已知的场所类型")
    if raw["kind"] in (ChecklistKind.PLACE, ChecklistKind.SMALL_PLACE) and not place_type:
        raise ChecklistFileError(f"{where}：场所检查表必须注明 place_type")
    effective = raw["effective_from"]
    if not isinstance(effective, dt.date):
        try:
            effective = dt.date.fromisoformat(str(effective))
        except ValueError as exc:
            raise ChecklistFileError(f"{where}：effective_from 须为 YYYY-MM-DD 日期") from exc
    return {"place_type": place_type, "effective_from": effective}


def _content_hash(data: ChecklistData) -> str:
    content = {
        "code": data.code,
        "version": data.version,
        "title": data.title,
        "place_type": data.place_type,
        "kind": data.kind,
        "effective_from": data.effective_from.isoformat(),
        "items": data.items,
    }
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_checklist_file(path: Path) -> ChecklistData:
    """Parse and validate one checklist file."""
    where = path.name
    with path.open(encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    if not isinstance(raw, dict):
        raise ChecklistFileError(f"{where}：文件内容须为一个映射")
    header = _header(raw, where)
    code, version = str(raw["code"]), str(raw["version"])
    if path.stem != f"{code}-{version}":
        raise ChecklistFileError(f"{where}：文件名须为 {code}-{version}.yaml，与 code 和 version 一致")
    items: list[dict[str, Any]] = []
    for section in raw["sections"] or []:
        title = str(section.get("title") or "").strip()
        if not title:
            raise ChecklistFileError(f"{where}：每个分节都须有 title")
        for raw_item in section.get("items") or []:
            items.append(_item(raw_item, section=title, order=len(items) + 1, where=where))
    if not items:
        raise ChecklistFileError(f"{where}：检查表没有检查项")
    seen: set[str] = set()
    for item in items:
        if item["code"] in seen:
            raise ChecklistFileError(f"{where}：检查项编号 {item['code']} 重复")
        seen.add(item["code"])
    data = ChecklistData(
        code=code,
        version=version,
        title=str(raw["title"]),
        kind=str(raw["kind"]),
        items=items,
        source_file=where,
        **header,
    )
    data.source_hash = _content_hash(data)
    return data


def read_checklists(directory: Path | None = None) -> list[ChecklistData]:
    paths = sorted((directory or CHECKLISTS_DIR).glob("*.yaml"))
    found = [read_checklist_file(path) for path in paths]
    keys = [(d.code, d.version) for d in found]
    duplicates = {k for k in keys if keys.count(k) > 1}
    if duplicates:
        raise ChecklistFileError(f"检查表版本重复：{sorted(duplicates)}")
    return found


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def _create_items(item_model, checklist, items: Iterable[dict[str, Any]]) -> None:
    item_model.objects.bulk_create([item_model(checklist=checklist, **item) for item in items])


def _conflict_message(data: ChecklistData, status: str) -> str:
    state = "已发布" if status == ChecklistStatus.PUBLISHED else "已停用"
    return (
        f"检查表 {data.code} 版本 {data.version} {state}，但文件 {data.source_file} 的内容与数据库中的内容不同。"
        f"已发布的版本不能修改（检查记录引用它）：请恢复原内容，或以新的版本号另存为新文件。"
    )


@transaction.atomic
def load_checklists(
    *,
    directory: Path | None = None,
    checklist_model=None,
    item_model=None,
    by: Any = None,
    record_audit: bool = True,
) -> LoadReport:
    """Load every checklist file; see the module docstring. Models may be historical (data migrations)."""
    if checklist_model is None or item_model is None:
        from flameblue.inspections.models import Checklist as checklist_model  # noqa: N813
        from flameblue.inspections.models import ChecklistItem as item_model  # noqa: N813
    report = LoadReport()
    for data in read_checklists(directory):
        label = f"{data.code}@{data.version}"
        existing = checklist_model.objects.filter(code=data.code, edition=data.version).first()
        if existing is not None and existing.source_hash == data.source_hash:
            report.unchanged.append(label)
            continue
        if existing is not None and existing.status != ChecklistStatus.DRAFT:
            raise ChecklistConflict(_conflict_message(data, existing.status))
        if existing is not None:
            existing.items.all().delete()
            for key, value in data.header().items():
                setattr(existing, key, value)
            existing.version += 1
            existing.updated_at = timezone.now()
            existing.save()
            _create_items(item_model, existing, data.items)
            report.refreshed.append(label)
            _audit(record_audit, "update", by, existing, {"source_hash": data.source_hash})
            continue
        checklist = checklist_model.objects.create(code=data.code, edition=data.version, **data.header())
        _create_items(item_model, checklist, data.items)
        report.created.append(label)
        _audit(record_audit, "import", by, checklist, {"source_file": data.source_file})
        if not checklist_model.objects.filter(code=data.code).exclude(status=ChecklistStatus.DRAFT).exists():
            _publish_first(checklist, by=by)
            report.published.append(label)
            _audit(record_audit, "transition", by, checklist, {"status": ["draft", "published"]})
    return report


def _publish_first(checklist, *, by: Any) -> None:
    checklist.status = ChecklistStatus.PUBLISHED
    checklist.published_at = timezone.now()
    checklist.published_by_id = getattr(by, "pk", None)
    checklist.save(update_fields=["status", "published_at", "published_by"])


def _audit(enabled: bool, action: str, by: Any, obj, changes: dict[str, Any]) -> None:
    if enabled:
        from flameblue.core import audit

        audit.record(action, by=by, obj=obj, changes=changes, reason="载入检查表数据文件")
