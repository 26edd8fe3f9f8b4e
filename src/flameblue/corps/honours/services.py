"""Writes of honours and commendations (表彰奖励): keyword-only, atomic, scope-checked, audited; the
awarding document goes through the one upload service (PDF or image, size-checked)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from flameblue.core.errors import DomainError
from flameblue.core.notify_models import StoredFile
from flameblue.core.services import object_create, object_update
from flameblue.core.uploads import store_upload
from flameblue.corps.honours.choices import GRADES_BY_CATEGORY, HonourCategory
from flameblue.corps.honours.models import Honour
from flameblue.org.choices import FIRE_SERVICE_KINDS

__all__ = ["documents_of", "honour_create", "honour_update"]


def documents_of(honour: Honour):
    return StoredFile.objects.filter(
        owner_type=honour._meta.label_lower, owner_id=str(honour.pk), purpose="document"
    ).order_by("uploaded_at", "id")


def _check(data: Mapping[str, Any]) -> dict[str, Any]:
    data = dict(data)
    category, grade = data.get("category"), data.get("grade")
    if grade not in GRADES_BY_CATEGORY.get(category, set()):
        raise DomainError(_("表彰种类与类别不符。"), field="grade")
    person, unit = data.get("person"), data.get("unit")
    if category == HonourCategory.INDIVIDUAL and person is None:
        raise DomainError(_("个人表彰须选择获奖人员。"), field="person")
    if category == HonourCategory.COLLECTIVE and person is not None:
        raise DomainError(_("集体表彰不填获奖人员，请选择获奖单位。"), field="person")
    if unit is None and person is not None:
        data["unit"] = unit = person.organization
    if unit is None:
        raise DomainError(_("请选择所在单位。"), field="unit")
    if unit.kind not in FIRE_SERVICE_KINDS:
        raise DomainError(_("所在单位须为消防救援队伍。"), field="unit")
    for name in ("title", "issuer"):
        if not (data.get(name) or "").strip():
            raise DomainError(_("此项为必填项。"), field=name)
    return data


@transaction.atomic
def honour_create(*, by: Any, data: Mapping[str, Any], document: Any = None) -> Honour:
    """Record an honour; ``document`` (the awarding document, PDF or image) is optional."""
    honour = object_create(Honour, by=by, data=_check(data))
    if document is not None:
        store_upload(document, owner=honour, by=by, purpose="document", allow_pdf=True)
    return honour


@transaction.atomic
def honour_update(
    honour: Honour,
    *,
    by: Any,
    data: Mapping[str, Any],
    expected_version: int | None = None,
    document: Any = None,
) -> Honour:
    """Edit an honour (a stale version answers 409); a new document is added to the record."""
    merged = {f: getattr(honour, f) for f in ("category", "grade", "person", "unit", "title", "issuer")}
    merged.update(data)
    checked = _check(merged)
    changes = {k: checked[k] for k in data}
    honour = object_update(honour, by=by, data=changes, expected_version=expected_version)
    if document is not None:
        store_upload(document, owner=honour, by=by, purpose="document", allow_pdf=True)
    return honour
