"""Fixtures for the browser tests: Debian's Chromium driven by Playwright's sync API.

The browser is never downloaded. When /usr/bin/chromium is missing the tests are skipped, unless
REQUIRE_BROWSER=1, in which case they fail: a CI job that promises browser coverage must not
pass silently without a browser.

Every test here runs against pytest-django's `live_server`, so it needs a transactional
database. Flushing the tables after each test would also wipe what the migrations put there
(Wagtail's root page and default site, the editorial groups and their workflow), so the tests
ask for a serialized rollback: the migrated content is restored before each test.
"""

import os
from pathlib import Path

import pytest
from wagtail.models import Site

# Playwright's sync API runs an event loop in this thread; Django would otherwise refuse ORM
# calls made from the test (factories, refresh_from_db) while that loop is running.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Generous enough for a slow CI machine, short enough that a wrong selector fails quickly.
TIMEOUT_MS = 15_000


def _unavailable(reason):
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing: install Debian's chromium package to run the browser tests")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:  # pragma: no cover - playwright is in requirements-test.txt
        _unavailable(f"Playwright is not installed ({error})")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _browser_database(transactional_db, django_db_serialized_rollback):
    """Every browser test talks to the live server, which needs committed data."""


@pytest.fixture
def live_site(live_server, home):
    """The default site answers on the live server's address, so full URLs point at it."""
    host, port = live_server.thread.host, live_server.thread.port
    Site.objects.filter(is_default_site=True).update(hostname=host, port=port)
    return live_server


@pytest.fixture
def context(browser, live_site):
    context = browser.new_context(base_url=live_site.url, locale="en-GB", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()
