"""Fixtures for the browser tests: Debian's Chromium driven by Playwright's sync API.

The browser is never downloaded. When /usr/bin/chromium is missing the tests are skipped, unless
REQUIRE_BROWSER=1, in which case they fail: a CI job that promises browser coverage must not
pass silently without a browser.

Every test here talks to pytest-django's `live_server`, so it needs a transactional database.
The flush after each such test also wipes what the migrations put in the database (Wagtail's
root page and default site, the editorial groups and their workflow), so the tests ask for a
serialized rollback, which restores that content before each test, and the content is put back
once more after the last browser test, for the transactional tests that run after these.

One browser serves the whole package; it is closed as soon as the last browser test is done, so
Playwright's event loop and DJANGO_ALLOW_ASYNC_UNSAFE do not outlive these tests.
"""

import os
import re
from pathlib import Path

import pytest
from django.db import connections
from playwright.sync_api import sync_playwright
from wagtail.models import Site

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Anything not served by the live server (Wagtail's Gravatar avatars, for one) is refused, so that
# the tests neither depend on the network nor wait for it.
ELSEWHERE = re.compile(r"^(?!https?://(localhost|127\.0\.0\.1)[:/])[a-z]+://")
# Generous enough for a slow CI machine, short enough that a wrong selector fails quickly.
TIMEOUT_MS = 15_000


def _unavailable(reason):
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def pytest_runtest_setup(item):
    # Checked before any fixture runs, so that a machine without a browser does not build the
    # test database for nothing.
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing: install Debian's chromium package to run the browser tests")


@pytest.fixture(scope="package")
def allow_orm_next_to_playwright():
    """Playwright's sync API runs an event loop in this thread, and Django refuses ORM calls
    (factories, refresh_from_db) while a loop runs unless this variable is set. It is set only
    while the browser runs: `manage.py check --deploy` rightly rejects it."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def browser(django_db_setup, allow_orm_next_to_playwright):
    # Between two sync calls Playwright leaves its event loop marked as running in this thread.
    # Django keeps database connections in an asgiref Local, which then switches to a
    # context-local storage and opens a *second* connection for the test code. That one lacks
    # what the test database setup put on the first (the serialized content that the rollback
    # restores) and, on in-memory SQLite, is not the connection the live server shares. So the
    # connections opened before Playwright starts are put back in place once it runs.
    originals = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        for alias, connection in originals.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="package", autouse=True)
def _restore_migrated_content(django_db_setup, django_db_blocker):
    """After the last browser test (and its flush), put the migrated content back."""
    yield
    with django_db_blocker.unblock():
        for connection in connections.all():
            content = getattr(connection, "_test_serialized_contents", None)
            if content:
                connection.creation.deserialize_db_from_string(content)


@pytest.fixture(autouse=True)
def _browser_database(transactional_db, django_db_serialized_rollback):
    """Every browser test talks to the live server, which needs committed data."""


@pytest.fixture(autouse=True)
def _public_address_is_the_live_server(live_server, settings):
    """SITE_URL names the server the browser talks to, as it does in production: the addresses in
    e-mails, canonical links and feeds lead back to it."""
    settings.PORTAL_SITE_URL = live_server.url


@pytest.fixture
def live_site(live_server, home):
    """The default site answers on the live server's address, so full URLs point at it."""
    host, port = live_server.thread.host, live_server.thread.port
    Site.objects.filter(is_default_site=True).update(hostname=host, port=port)
    return live_server


@pytest.fixture
def context(browser, live_site):
    context = browser.new_context(
        base_url=live_site.url, locale="en-GB", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    context.route(ELSEWHERE, lambda route: route.abort("blockedbyclient"))
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()
