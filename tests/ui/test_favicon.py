"""Every page names its icon, and /favicon.ico (asked for by browsers regardless) is found, not a 404."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_pages_link_an_icon_that_exists(client):
    html = client.get(reverse("login")).content.decode()
    icons = re.findall(r'<link rel="icon" href="/static/([^"]+)"', html)
    assert icons and all(finders.find(path) for path in icons)


def test_favicon_ico_is_not_a_404(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert finders.find(response["Location"].removeprefix("/static/"))
