"""Shared fixtures of the hazards tests: units on the persona organizations, an uploadable photo, and a
quick way to bring a hazard to a given status through the real services. Other hazards test modules may
append fixtures here."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.units.factories import make_unit


def png(name: str = "photo.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def photo():
    return png


@pytest.fixture
def units(orgs):
    return SimpleNamespace(
        school=make_unit(
            orgs.school, category="school", address="谯城区学府路1号", latitude=33.85, longitude=115.78
        ),
        mall=make_unit(orgs.mall, category="shop", address="谯城区万达广场"),
        hospital=make_unit(orgs.mengcheng_hospital, category="hospital"),
    )


@pytest.fixture
def leaders(orgs):
    """Government leaders of the township, the county (谯城区) and another county (蒙城县), for the sweep."""
    from tests.factories import persona

    return SimpleNamespace(
        township=persona("huaxilou_leader", orgs.huaxilou_gov, "government_leader"),
        county=persona("qiaocheng_leader", orgs.qiaocheng_gov, "government_leader"),
        mengcheng=persona("mengcheng_leader", orgs.mengcheng_gov, "government_leader"),
    )
