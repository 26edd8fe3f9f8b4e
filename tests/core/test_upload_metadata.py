"""Uploaded photos are re-encoded without metadata: no JPEG comment (COM), no EXIF (with its GPS position),
no XMP, no PNG text chunks survive; the picture itself does."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, PngImagePlugin

from flameblue.core.uploads import file_path, store_upload

pytestmark = pytest.mark.django_db

SECRET = b"SECRET-METADATA-31.8N-115.7E"


def _jpeg() -> bytes:
    image = Image.new("RGB", (40, 30), "red")
    exif = Image.Exif()
    exif[0x010E] = SECRET.decode()  # ImageDescription
    exif[0x0112] = 1  # orientation
    out = io.BytesIO()
    image.save(
        out, "JPEG", comment=SECRET, exif=exif.tobytes(), xmp=b"<x:xmpmeta>" + SECRET + b"</x:xmpmeta>"
    )
    return out.getvalue()


def _png() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", SECRET.decode())
    info.add_itxt("Description", SECRET.decode())
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "blue").save(out, "PNG", pnginfo=info)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "kind"), [("a.jpg", _jpeg(), "image/jpeg"), ("a.png", _png(), "image/png")]
)
def test_metadata_does_not_survive_re_encoding(orgs, name, data, kind):
    assert SECRET in data
    stored = store_upload(SimpleUploadedFile(name, data, content_type=kind), owner=orgs.school)
    kept = file_path(stored).read_bytes()
    assert SECRET not in kept
    assert b"Exif" not in kept and b"xmpmeta" not in kept
    with Image.open(io.BytesIO(kept)) as image:
        assert image.size == (40, 30)
        assert "comment" not in image.info and "exif" not in image.info
