from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from huey.contrib.djhuey import HUEY

from flameblue.units.models import UnitImportJob


@pytest.fixture(autouse=True)
def huey_immediate():
    """Background tasks run inline, as the settings fixture asks (djhuey built its instance at import)."""
    before = HUEY.immediate
    HUEY.immediate = True
    yield HUEY
    HUEY.immediate = before


@pytest.fixture
def upload(client):
    """Upload sheet bytes as ``user``; returns (response, the job it created or None)."""

    def _upload(user, content: bytes, name: str = "单位.xlsx"):
        client.force_login(user)
        before = set(UnitImportJob.objects.values_list("pk", flat=True))
        response = client.post(reverse("units:import-upload"), {"file": SimpleUploadedFile(name, content)})
        job = UnitImportJob.objects.exclude(pk__in=before).first()
        return response, job

    return _upload


@pytest.fixture
def apply(client):
    def _apply(user, job):
        client.force_login(user)
        response = client.post(reverse("units:import-apply", kwargs={"pk": job.pk}))
        job.refresh_from_db()
        return response

    return _apply
