"""Each persona's landing page, on a desktop and on a phone: it opens, fits the screen's width, and none of
the links it shows answers 403."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.ui.test_no_forbidden_links import PERSONAS

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


def _session_cookie(user, live_server_url: str) -> dict:
    client = Client()
    client.force_login(user)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server_url,
    }


def test_every_persona_landing_page_offers_only_pages_it_may_open(
    chromium, live_server, transactional_db, django_db_serialized_rollback, people
):
    for persona in PERSONAS:
        user = getattr(people, persona)
        for label, viewport in VIEWPORTS.items():
            context = chromium.new_context(base_url=live_server.url, locale="zh-CN", viewport=viewport)
            try:
                context.add_cookies([_session_cookie(user, live_server.url)])
                page = context.new_page()
                response = page.goto(reverse("core:dashboard"))
                assert response.status == 200, (persona, label)
                width = page.evaluate("document.documentElement.scrollWidth")
                assert width <= viewport["width"] + 1, f"{persona} {label}: page is {width}px wide"
                hrefs = page.eval_on_selector_all(
                    "a[href^='/']", "els => [...new Set(els.map(e => e.getAttribute('href')))]"
                )
                for href in hrefs:
                    if href.startswith(("/static/", "/media/", "/account/logout")):
                        continue
                    status = page.request.get(href).status
                    assert status != 403, f"{persona} {label}: {href} answers 403"
            finally:
                context.close()
