"""Word documents (责令限期改正通知书, inspection records …) rendered from .docx templates with docxtpl.

Each document kind has a built-in template shipped in the repo beside the app that uses it
(``<app>/documents/<name>.docx``). An administrator can replace it by uploading a new .docx
(:func:`template_replace`): the upload is test-rendered with the kind's sample context first, so a broken
template is refused with the reason instead of breaking every later notice."""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from docxtpl import DocxTemplate

from flameblue.core import audit
from flameblue.core.notify_models import DocumentTemplate

__all__ = ["DocumentKind", "KINDS", "register_kind", "render_document", "template_replace"]


@dataclass(frozen=True)
class DocumentKind:
    code: str
    title: str
    builtin: Path
    sample_context: dict[str, Any] = field(default_factory=dict)


KINDS: dict[str, DocumentKind] = {}


def register_kind(kind: DocumentKind) -> DocumentKind:
    KINDS[kind.code] = kind
    return kind


def _active_template_path(code: str) -> Path:
    current = DocumentTemplate.objects.filter(code=code, is_active=True).order_by("-version").first()
    if current is not None:
        return Path(settings.MEDIA_ROOT) / "document-templates" / current.storage_name
    return KINDS[code].builtin


def _render(path_or_bytes: Path | bytes, context: dict[str, Any]) -> bytes:
    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else str(path_or_bytes)
    doc = DocxTemplate(source)
    doc.render(context, autoescape=True)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def render_document(code: str, context: dict[str, Any]) -> bytes:
    if code not in KINDS:
        raise KeyError(f"unknown document kind {code!r}")
    return _render(_active_template_path(code), context)


@transaction.atomic
def template_replace(code: str, upload: Any, *, by: Any) -> DocumentTemplate:
    """Install an uploaded .docx as the active template of ``code`` after a test render."""
    if code not in KINDS:
        raise ValidationError(_("未知的文书类型。"))
    data = upload.read(settings.UPLOAD_MAX_BYTES + 1)
    if len(data) > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(_("模板文件过大。"))
    if not data.startswith(b"PK") or not zipfile.is_zipfile(io.BytesIO(data)):
        raise ValidationError(_("模板必须是 Word（.docx）文件。"))
    try:
        _render(data, KINDS[code].sample_context)
    except Exception as exc:  # docxtpl/jinja errors of all kinds: report them, install nothing
        raise ValidationError(_("模板无法套用：%(error)s") % {"error": str(exc)[:200]}) from exc
    latest = DocumentTemplate.objects.filter(code=code).order_by("-version").first()
    version = (latest.version if latest else 0) + 1
    digest = hashlib.sha256(data).hexdigest()
    storage_name = f"{code}-v{version}-{digest[:12]}.docx"
    path = Path(settings.MEDIA_ROOT) / "document-templates" / storage_name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    DocumentTemplate.objects.filter(code=code, is_active=True).update(is_active=False)
    template = DocumentTemplate.objects.create(
        code=code, version=version, storage_name=storage_name, sha256=digest, uploaded_by=by, is_active=True
    )
    audit.record(
        audit.AuditAction.UPDATE,
        by=by,
        obj=template,
        changes={"template": [latest and latest.version, version]},
    )
    return template
