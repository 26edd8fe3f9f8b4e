import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from flameblue.core.uploads import file_path, store_upload

pytestmark = pytest.mark.django_db


def _jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (40, 30), "blue")
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (33.0, 50.0, 0.0)}  # GPSInfo: latitude
    exif[0x010F] = "TestCam"
    buf = io.BytesIO()
    image.save(buf, "JPEG", exif=exif.tobytes())
    return buf.getvalue()


def test_html_named_jpg_is_refused(orgs):
    fake = SimpleUploadedFile(
        "photo.jpg", b"<html><script>alert(1)</script></html>", content_type="image/jpeg"
    )
    with pytest.raises(ValidationError) as err:
        store_upload(fake, owner=orgs.school)
    assert "不是允许的类型" in err.value.messages[0]


def test_jpeg_is_reencoded_without_exif(orgs):
    raw = _jpeg_with_gps()
    assert b"TestCam" in raw
    stored = store_upload(SimpleUploadedFile("现场.jpg", raw), owner=orgs.school)
    data = file_path(stored).read_bytes()
    assert b"TestCam" not in data
    with Image.open(io.BytesIO(data)) as img:
        assert img.size == (40, 30)
        assert not img.getexif()
    assert stored.original_name == "现场.jpg" and stored.storage_name != "现场.jpg"


def test_oversized_file_is_refused(orgs, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    big = SimpleUploadedFile("big.png", b"\x89PNG\r\n\x1a\n" + b"0" * 4096)
    with pytest.raises(ValidationError) as err:
        store_upload(big, owner=orgs.school)
    assert "上限" in err.value.messages[0]


def test_pdf_only_where_allowed(orgs):
    pdf = b"%PDF-1.4\n%test\n"
    with pytest.raises(ValidationError):
        store_upload(SimpleUploadedFile("a.pdf", pdf), owner=orgs.school)
    stored = store_upload(SimpleUploadedFile("a.pdf", pdf), owner=orgs.school, allow_pdf=True)
    assert stored.content_type == "application/pdf"


def test_download_is_nosniff_and_scoped(client, people, orgs):
    stored = store_upload(SimpleUploadedFile("x.jpg", _jpeg_with_gps()), owner=orgs.school)
    client.force_login(people.qiaocheng)
    response = client.get(reverse("core:file-download", args=[stored.pk]))
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    client.force_login(people.mengcheng)
    assert client.get(reverse("core:file-download", args=[stored.pk])).status_code == 404
