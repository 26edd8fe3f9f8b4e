"""Publicity drives: a 七进 drive needs its target and other drives refuse one; photos are checked by
content and re-encoded; reach is summed by 七进 target (every target listed) and by township, only over
what the user may see; a township sees its own drives."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from flameblue.core.errors import DomainError
from flameblue.geo.models import Region
from flameblue.outreach import services
from flameblue.outreach.choices import TermKind
from flameblue.outreach.models import PublicityDrive
from flameblue.outreach.selectors import publicity_reach
from tests.outreach.conftest import DAY, term

pytestmark = pytest.mark.django_db


def drive(organiser, township="341602001", by=None, kind="seven_in", target="schools", **kw):
    data = {"title": "消防安全进校园", "drive_type": term(TermKind.DRIVE_TYPE, kind),
            "target": term(TermKind.DRIVE_TARGET, target) if target else None, "held_on": DAY,
            "township": Region.objects.get(code=township), "organiser": organiser, "present": 300,
            "online_views": 1000, **kw}  # fmt: skip
    return services.drive_create(by=by, data=data)


def test_seven_in_needs_a_target_and_other_drives_refuse_one(orgs, people):
    with pytest.raises(DomainError, match="须选择“七进”对象") as refused:
        drive(orgs.qiaocheng_brigade, by=people.qiaocheng, target=None)
    assert refused.value.field == "target"
    with pytest.raises(DomainError, match="只有“七进”活动"):
        drive(orgs.qiaocheng_brigade, by=people.qiaocheng, kind="week_119")
    with pytest.raises(DomainError, match="乡镇（街道）一级"):
        drive(orgs.qiaocheng_brigade, township="341602", by=people.qiaocheng)
    assert drive(orgs.qiaocheng_brigade, by=people.qiaocheng, kind="week_119", target=None).pk


def test_a_drive_outside_the_users_county_is_refused(orgs, people):
    from flameblue.core.errors import OutOfScope

    with pytest.raises(OutOfScope):
        drive(orgs.qiaocheng_brigade, township="341622101", by=people.qiaocheng)
    assert not PublicityDrive.objects.exists()


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, "JPEG")
    return buffer.getvalue()


def test_photos_are_checked_by_content(orgs, people):
    d = drive(orgs.qiaocheng_brigade, by=people.qiaocheng)
    stored = services.drive_photo_add(
        drive=d, upload=SimpleUploadedFile("现场.jpg", _jpeg()), by=people.qiaocheng
    )
    assert stored.content_type == "image/jpeg" and stored.owner_id == str(d.pk)
    with pytest.raises(ValidationError, match="不是允许的类型"):
        services.drive_photo_add(drive=d, upload=SimpleUploadedFile("x.jpg", b"<html>"), by=people.qiaocheng)


def test_reach_by_target_and_township_within_scope(orgs, people):
    drive(orgs.qiaocheng_brigade, present=300, online_views=1000)
    drive(orgs.qiaocheng_brigade, township="341602100", present=200, online_views=0)
    drive(orgs.qiaocheng_brigade, target="communities", present=50, online_views=20)
    drive(orgs.mengcheng_brigade, township="341622101", present=900, online_views=5)
    reach = publicity_reach(people.qiaocheng, 2026)
    by_target = {r.label: (r.drives, r.present, r.online_views) for r in reach["by_target"]}
    assert len(by_target) == 7 and by_target["家庭"] == (0, 0, 0)
    assert by_target["学校"] == (2, 500, 1000) and by_target["社区"] == (1, 50, 20)
    townships = {r.label: r.present for r in reach["by_township"]}
    assert set(townships) == {"花戏楼街道", "古井镇"} and townships["花戏楼街道"] == 350
    assert sum(r.present for r in publicity_reach(people.grid, 2026)["by_target"]) == 350


def test_the_reach_page_draws_bars_from_the_data(orgs, people, login):
    from django.urls import reverse

    drive(orgs.qiaocheng_brigade)
    page = login(people.qiaocheng).get(reverse("outreach:reach"), {"year": 2026}).content.decode()
    assert 'id="reach-data"' in page and "js/outreach-reach.js" in page and "vendor/echarts" in page
    assert "花戏楼街道" in page
