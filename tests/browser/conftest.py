"""Playwright fixtures: one headless Debian Chromium per test session, a fresh browser context per test,
pointed at pytest-django's live server. Skips only off CI when Chromium is not installed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser.reference_data import install_fast_restore

# Playwright's sync API runs an event loop in this thread; Django then refuses ORM calls unless told.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium(django_db_setup):
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing; CI must install Debian's chromium package")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium fonts-noto-cjk)")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Starting Playwright switches the execution context, and Django keeps its connection objects per
    # context: carry the test database's serialized reference data over, or serialized rollback finds
    # nothing to restore when an earlier test already set the database up.
    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
            install_fast_restore(alias)
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium, live_server, transactional_db, django_db_serialized_rollback):
    """A page in a new browser context (own cookies), with relative URLs resolved against the live server.
    Serialized rollback restores the reference data (regions, roles) that the flush after the test removes."""
    context = chromium.new_context(
        base_url=live_server.url, locale="zh-CN", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()
