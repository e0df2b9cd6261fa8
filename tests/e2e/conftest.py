"""Real-browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

One browser per module, a fresh context (cookies, viewport) per test. Without a
Chromium on the machine these tests skip; the rest of the suite still runs.
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import translation

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}

# Milliseconds; the live server is local, so anything slower than this is a bug, not a network.
TIMEOUT = 15_000


SYSTEM_CHROMIUM = "/usr/bin/chromium"


def find_chromium() -> str | None:
    """Debian's Chromium, or the one named by $CHROMIUM; never a browser Playwright downloads.

    When $CHROMIUM is set, only that path is tried, so `CHROMIUM=/nowhere` shows how the suite
    behaves on a machine without a browser.
    """
    named = os.environ.get("CHROMIUM")
    candidates = [named] if named is not None else [SYSTEM_CHROMIUM, shutil.which("chromium")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def chromium_or_skip() -> str:
    executable = find_chromium()
    if executable is None:
        where = os.environ.get("CHROMIUM") or f"{SYSTEM_CHROMIUM} or on PATH"
        pytest.skip(
            f"No Chromium at {where}: real-browser tests skipped "
            "(apt-get install chromium to run them)."
        )
    return executable


# One browser per test module, not one for the whole run: while Playwright runs, its event loop
# sits in the main thread, and the rest of the suite, run afterwards, must not find it there.
@pytest.fixture(scope="module")
def browser():
    executable = chromium_or_skip()
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with pytest.MonkeyPatch.context() as patch, sync_api.sync_playwright() as playwright:
        # That event loop would make Django's ORM believe it is called from async code and
        # refuse to query, in the test and in the database fixtures' set-up and teardown.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def _demo_snapshot() -> dict[str, str]:
    return {}


@pytest.fixture
def site(live_server, django_db_serialized_rollback, _demo_snapshot, settings) -> str:
    """The live server's base URL, serving the demo data with its demo sign-ins, over plain HTTP.

    Serialized rollback brings back the reference rows of the data migrations (services, target
    groups, languages) that the flush after each transactional test removes. The demo is loaded
    once; later tests restore a snapshot of it, several times faster than loading it again.
    """
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.LANGUAGE_COOKIE_SECURE = False
    # As in production: every back-office role signs in with an authenticator's code.
    settings.PORTAL_REQUIRE_2FA = True
    if "demo" in _demo_snapshot:
        # The snapshot holds the reference rows too: empty the tables before bringing it back.
        # Sequences keep counting, as after a transactional test: the snapshot's primary keys
        # were all handed out by them, so rows created later cannot collide (on PostgreSQL).
        call_command(
            "flush",
            interactive=False,
            inhibit_post_migrate=True,
            reset_sequences=False,
            verbosity=0,
        )
        connection.creation.deserialize_db_from_string(_demo_snapshot["demo"])
    else:
        call_command("load_demo", with_accounts=True, stdout=io.StringIO())
        _demo_snapshot["demo"] = connection.creation.serialize_db_to_string()
    return live_server.url


@pytest.fixture(autouse=True)
def _english_urls() -> Iterator[None]:
    """Paths reversed in the test are the English ones, whatever language an earlier test's
    request left active in this thread (the test client's LocaleMiddleware never resets it)."""
    with translation.override("en"):
        yield


@pytest.fixture
def new_context(browser, site) -> Iterator[Callable[..., BrowserContext]]:
    """Opens browser contexts (a person's own cookies and screen) and closes them after the test."""
    opened = []

    def open_context(**options) -> BrowserContext:
        context = browser.new_context(
            base_url=site, accept_downloads=True, **{**DESKTOP, **options}
        )
        context.set_default_timeout(TIMEOUT)
        opened.append(context)
        return context

    yield open_context
    for context in opened:
        context.close()


@pytest.fixture
def page(new_context) -> Page:
    return new_context().new_page()
