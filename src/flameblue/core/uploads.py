"""The one upload service. Photos and documents are checked by content (not by name): JPEG, PNG or PDF
only, within the size limit; images within the pixel limit and re-encoded, which drops EXIF (including GPS
location); stored under a random name. Files are served only to users who can see the owning record."""

from __future__ import annotations

import hashlib
import io
import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from flameblue.core.notify_models import StoredFile

__all__ = ["MAX_PIXELS", "file_path", "store_copy", "store_upload"]

MAX_PIXELS = 40_000_000
IMAGE_FORMATS = {"JPEG": ("image/jpeg", ".jpg"), "PNG": ("image/png", ".png")}


def _sniff(head: bytes) -> str | None:
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head.startswith(b"%PDF-"):
        return "PDF"
    return None


def file_path(stored: StoredFile) -> Path:
    return Path(settings.MEDIA_ROOT) / "uploads" / stored.storage_name[:2] / stored.storage_name


def _reencode(data: bytes, fmt: str) -> tuple[bytes, int, int]:
    try:
        with Image.open(io.BytesIO(data)) as probe:
            width, height = probe.size
            if width * height > MAX_PIXELS:
                raise ValidationError(
                    _("图片像素过大（%(w)d×%(h)d），上限为 4000 万像素。") % {"w": width, "h": height},
                    code="pixels",
                )
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image = ImageOps.exif_transpose(image)
            if fmt == "JPEG":
                image = image.convert("RGB")
            # Pillow writes what ``info`` carries (JPEG comment, EXIF with GPS, XMP, ICC, PNG text chunks)
            # back out on save: keep only the pixels (and a palette's transparency).
            image.info = {k: v for k, v in image.info.items() if k == "transparency"}
            out = io.BytesIO()
            if fmt == "JPEG":
                image.save(out, "JPEG", quality=88, optimize=True)
            else:
                image.save(out, "PNG", optimize=True)
            return out.getvalue(), image.size[0], image.size[1]
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ValidationError(_("图片文件已损坏或无法识别。"), code="corrupt") from exc


def store_upload(
    upload: Any,
    *,
    owner: models.Model,
    by: Any = None,
    purpose: str = "",
    allow_pdf: bool = False,
) -> StoredFile:
    """Check and store one uploaded file for ``owner``. Raises ValidationError with a Chinese reason."""
    name = Path(getattr(upload, "name", "") or "upload").name[:200]
    size = getattr(upload, "size", None)
    limit = settings.UPLOAD_MAX_BYTES
    if size is not None and size > limit:
        raise ValidationError(
            _("文件“%(name)s”超过 %(mb)d MB 上限。") % {"name": name, "mb": limit // 1048576}, code="size"
        )
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise ValidationError(
            _("文件“%(name)s”超过 %(mb)d MB 上限。") % {"name": name, "mb": limit // 1048576}, code="size"
        )
    fmt = _sniff(data[:16])
    if fmt is None or (fmt == "PDF" and not allow_pdf):
        allowed = "JPEG、PNG、PDF" if allow_pdf else "JPEG、PNG"
        raise ValidationError(
            _("文件“%(name)s”的内容不是允许的类型（只接受 %(allowed)s）。")
            % {"name": name, "allowed": allowed},
            code="type",
        )
    width = height = None
    if fmt in IMAGE_FORMATS:
        data, width, height = _reencode(data, fmt)
        content_type, suffix = IMAGE_FORMATS[fmt]
    else:
        content_type, suffix = "application/pdf", ".pdf"
    stored = StoredFile(
        owner_type=owner._meta.label_lower,
        owner_id=str(owner.pk),
        purpose=purpose,
        original_name=name,
        storage_name=secrets.token_hex(16) + suffix,
        content_type=content_type,
        size=len(data),
        width=width,
        height=height,
        sha256=hashlib.sha256(data).hexdigest(),
        uploaded_by=by if getattr(by, "pk", None) else None,
    )
    path = file_path(stored)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    stored.save()
    return stored


def store_copy(stored: StoredFile, *, owner: models.Model, purpose: str = "", by: Any = None) -> StoredFile:
    """Attach an already checked file to another record as well (a tip's photo on the hazard it became):
    the bytes are copied under a new random name, so each record's file lives and is served on its own."""
    data = file_path(stored).read_bytes()
    copy = StoredFile(
        owner_type=owner._meta.label_lower,
        owner_id=str(owner.pk),
        purpose=purpose,
        original_name=stored.original_name,
        storage_name=secrets.token_hex(16) + Path(stored.storage_name).suffix,
        content_type=stored.content_type,
        size=len(data),
        width=stored.width,
        height=stored.height,
        sha256=hashlib.sha256(data).hexdigest(),
        uploaded_by=by if getattr(by, "pk", None) else stored.uploaded_by,
    )
    path = file_path(copy)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    copy.save()
    return copy
