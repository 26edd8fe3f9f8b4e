"""A tip that becomes a hazard brings its photos: the tipster's pictures are the hazard's "before" photos,
stored as files of their own that the hazard's readers can download."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse

from flameblue.core.notify_models import StoredFile
from flameblue.core.uploads import file_path
from flameblue.hazards import tips
from flameblue.hazards.selectors import hazard_photos
from tests.hazards.conftest import png
from tests.hazards_tips.helpers import make_tip

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


def test_converted_tip_photos_show_on_the_hazard_as_before_photos(units, people, client):
    tip = make_tip(photos=[png("后门.png"), png("楼道.png")])
    hazard = tips.tip_convert(tip=tip, by=people.qiaocheng, unit=units.mall, location="二楼东侧")

    before = hazard_photos(hazard)["before"]
    originals = list(tips.tip_photos(tip))
    assert [p.original_name for p in before] == ["后门.png", "楼道.png"]
    for copy, original in zip(before, originals, strict=True):
        assert copy.storage_name != original.storage_name
        assert file_path(copy).read_bytes() == file_path(original).read_bytes()
        assert copy.sha256 == original.sha256 and copy.content_type == "image/png"
    assert len(originals) == 2  # the tip keeps its own

    client.force_login(people.qiaocheng)
    page = client.get(reverse("hazards:hazard-detail", kwargs={"pk": hazard.pk}))
    assert reverse("core:file-download", kwargs={"pk": before[0].pk}) in page.content.decode()
    download = client.get(reverse("core:file-download", kwargs={"pk": before[0].pk}))
    assert download.status_code == 200
    assert b"".join(download.streaming_content if download.streaming else [download.content]).startswith(
        b"\x89PNG"
    )


def test_removing_the_tips_file_leaves_the_hazards_copy(units, people):
    tip = make_tip(photos=[png()])
    hazard = tips.tip_convert(tip=tip, by=people.qiaocheng, unit=units.mall)
    original = tips.tip_photos(tip).get()
    file_path(original).unlink()

    copy = StoredFile.objects.get(owner_type="hazards.hazard", owner_id=str(hazard.pk))
    assert file_path(copy).read_bytes().startswith(b"\x89PNG")


def test_tip_without_photos_gives_a_hazard_without_photos(units, people):
    hazard = tips.tip_convert(tip=make_tip(), by=people.qiaocheng, unit=units.mall)
    assert hazard_photos(hazard) == {}


def test_dismissed_tip_photos_stay_with_the_tip_only(people):
    tip = make_tip(photos=[png()])
    tips.tip_dismiss(tip=tip, by=people.qiaocheng, reason="现场核查安全出口畅通")
    assert not StoredFile.objects.filter(owner_type="hazards.hazard").exists()
    assert tips.tip_photos(tip).count() == 1
