"""Demo helpers shared by the corps' sub-domain seeds."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

__all__ = ["evidence_png"]


def evidence_png(key: str) -> SimpleUploadedFile:
    """A small PNG standing for a photo of the corrected condition (goes through the upload service)."""
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 40 + sum(map(ord, key)) % 200, 60)).save(buffer, "PNG")
    return SimpleUploadedFile(f"整改照片-{key}.png", buffer.getvalue(), content_type="image/png")
