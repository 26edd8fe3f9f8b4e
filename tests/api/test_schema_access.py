"""The OpenAPI schema and docs: open only in DEBUG or with API_SCHEMA_PUBLIC, else for logged-in users."""

from __future__ import annotations

import importlib

import pytest
from django.conf import settings as django_settings
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_production_default_requires_login():
    real = importlib.import_module("flameblue.settings")
    expected = "AllowAny" if real.DEBUG or real.API_SCHEMA_PUBLIC else "IsAuthenticated"
    assert real.SPECTACULAR_SETTINGS["SERVE_PERMISSIONS"][0].endswith(expected)


@pytest.mark.parametrize("url", ["/api/schema/", "/api/docs/", "/api/redoc/"])
def test_anonymous_users_cannot_read_the_schema_or_docs(url):
    if django_settings.API_SCHEMA_PUBLIC:
        pytest.skip("API_SCHEMA_PUBLIC is on in this environment")
    assert APIClient().get(url).status_code in (401, 403)


def test_a_logged_in_user_reads_the_schema(people):
    client = APIClient()
    client.force_login(people.qiaocheng)
    assert client.get("/api/schema/").status_code == 200
