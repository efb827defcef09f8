"""A database outage: requests fail fast with the friendly 503 page, and the site recovers by
itself once the database is back. The outage is real: the connection is pointed at a closed port
(PostgreSQL) or at a file that cannot be opened (SQLite)."""

import socket
import time

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connections

from tests.employers.factories import owner_of
from tests.stories.factories import StoryPageFactory


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens once the socket is closed


@pytest.fixture
def database_away(transactional_db, django_db_serialized_rollback):
    """Call go_away() and the default database cannot be reached until come_back(). Transactional
    (a closed connection cannot keep a test transaction open), with the migrated content (root page,
    default site) restored after each flush."""
    connection = connections["default"]
    saved = dict(connection.settings_dict)

    def go_away():
        connection.close()
        if connection.vendor == "postgresql":
            connection.settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))
        else:
            connection.settings_dict["NAME"] = "/nonexistent-folder/portal.sqlite3"

    def come_back():
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)

    yield go_away, come_back
    come_back()


def assert_friendly_503(response):
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert response["Cache-Control"] == "no-store"
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text() == "The portal is back in a moment"
    assert "Nothing you saved before is lost" in soup.get_text()
    # Still under the site's policy, and styled by the site's own stylesheet.
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert soup.find("link", rel="stylesheet")["href"].endswith("portal/css/site.css")


def test_while_the_database_is_away_pages_answer_503_quickly_then_recover(client, database_away, story_index):
    story = StoryPageFactory(parent=story_index)
    go_away, come_back = database_away
    assert client.get(story.url).status_code == 200

    go_away()
    for url in ["/", story.url, "/jobs/", "/pledge-wall/", "/campaigns/"]:
        started = time.monotonic()
        response = client.get(url)
        assert time.monotonic() - started < 5, url
        assert_friendly_503(response)
    readiness = client.get("/readyz")
    assert readiness.status_code == 503

    come_back()
    response = client.get(story.url)
    assert response.status_code == 200
    assert story.title in response.content.decode()
    assert client.get("/readyz").status_code == 200


def test_a_logged_in_employer_and_a_form_post_get_the_503_page_too(client, database_away, home):
    owner, _employer = owner_of()
    client.force_login(owner)
    go_away, come_back = database_away

    go_away()
    assert_friendly_503(client.get("/employer/"))
    assert_friendly_503(client.post("/employer/jobs/new/", {"title": "Cook"}))

    come_back()
    assert client.get("/employer/").status_code == 200


def test_postgresql_connections_fail_fast_and_are_checked_before_reuse():
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("connection options of PostgreSQL only")
    assert 1 <= database["OPTIONS"]["connect_timeout"] <= 5
    assert database["CONN_HEALTH_CHECKS"] is True


@pytest.mark.django_db
def test_logging_out_while_the_cache_server_is_away_gets_the_503_page_and_keeps_nothing_half_done(
    client, home, settings
):
    """Reading a session falls back to the database (portal/sessions.py), but logging out cannot
    drop the copy the cache holds: the person is told to try again (a 503, not a 500), and is
    still logged in once the cache is back, never logged out on one node and not another."""
    user, _employer = owner_of()
    client.force_login(user)
    working = settings.CACHES
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.redis_cache.ReusedClientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }
    assert client.get("/employer/").status_code == 200  # read from the database
    assert_friendly_503(client.post("/accounts/logout/"))
    settings.CACHES = working
    response = client.get("/employer/")
    assert response.status_code == 200 and response.wsgi_request.user == user
    assert client.post("/accounts/logout/").status_code == 302
    assert client.get("/employer/").status_code == 302  # now logged out: sent to log in
