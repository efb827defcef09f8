"""The client adapter against the live search server (OPENSEARCH_URL or ELASTICSEARCH_URL in the
environment; skipped without one, failed instead under REQUIRE_SEARCH_ENGINE=1).

A request the server refuses is EngineBadRequest with the server's status, whichever library
sent it; the visitor still gets the database's answer, and the refusal is logged as an error
(a bug of ours) without leaving the server alone as an outage would.
"""

import logging
import os
import time
import uuid

import pytest
from django.core.cache import cache
from django.test import override_settings

from search.engines import PAUSED_KEY
from search.engines.base import EngineBadRequest
from search.engines.client import get_client
from tests.employers.factories import JobListingFactory

pytestmark = pytest.mark.django_db

CLOSED_PORT = "http://127.0.0.1:9"  # never listened on here: the connection is refused at once


@pytest.fixture
def server(settings):
    under_test = {
        name: settings.SEARCH_SERVER_UNDER_TEST[name] for name in ("ELASTICSEARCH_URL", "OPENSEARCH_URL")
    }
    if not any(under_test.values()):
        reason = "neither ELASTICSEARCH_URL nor OPENSEARCH_URL is set: the client was not tried live"
        if os.environ.get("REQUIRE_SEARCH_ENGINE") == "1":
            pytest.fail(f"{reason} (REQUIRE_SEARCH_ENGINE=1)")
        pytest.skip(reason)
    for name, url in under_test.items():
        setattr(settings, name, url)
    # No index ever exists under this prefix: every search of it is refused.
    settings.SEARCH_INDEX_PREFIX = f"test_client_{uuid.uuid4().hex[:8]}"
    return get_client()


def test_a_refused_request_is_a_bad_request_with_the_server_s_status(server, settings):
    with pytest.raises(EngineBadRequest) as raised:
        server.count(f"{settings.SEARCH_INDEX_PREFIX}_jobs")
    assert raised.value.status == 404
    assert f"{server.label} at {server.address}" in str(raised.value)


def test_a_refused_search_is_answered_by_the_database_and_the_server_is_not_paused(server, client, caplog):
    # Saved with no server configured: a write would create the jobs' first index (search.index).
    with override_settings(OPENSEARCH_URL="", ELASTICSEARCH_URL=""):
        JobListingFactory(title="Night baker")

    with caplog.at_level(logging.WARNING, logger="search.engines"):
        response = client.get("/jobs/", {"q": "baker"})

    assert response.status_code == 200
    assert [job.title for job in response.context["results"].jobs] == ["Night baker"]
    refusals = [record for record in caplog.records if record.name == "search.engines"]
    assert [record.levelno for record in refusals] == [logging.ERROR]
    assert cache.get(PAUSED_KEY) is None  # the next search asks the server again


def test_readyz_follows_the_server_back_within_the_health_interval(server, client, settings):
    """Fault 4: /readyz said "degraded" for two minutes after the server answered again; now it
    pings, at most once per SEARCH_HEALTH_INTERVAL, and says "ok" as soon as the server is back."""
    settings.SEARCH_HEALTH_INTERVAL = 0.3
    setting = "OPENSEARCH_URL" if settings.OPENSEARCH_URL else "ELASTICSEARCH_URL"
    live = getattr(settings, setting)
    setattr(settings, setting, CLOSED_PORT)
    assert client.get("/jobs/", {"q": "baker"}).status_code == 200  # answered by the database
    assert client.get("/readyz").json()["search"] == "degraded"

    setattr(settings, setting, live)  # the server is back
    time.sleep(0.4)

    assert client.get("/readyz").json() == {"status": "ok", "database": "ok", "search": "ok"}


def test_readyz_pings_the_server_at_most_once_per_interval(server, client, settings):
    settings.SEARCH_HEALTH_INTERVAL = 60
    setting = "OPENSEARCH_URL" if settings.OPENSEARCH_URL else "ELASTICSEARCH_URL"
    assert client.get("/readyz").json()["search"] == "ok"

    setattr(settings, setting, CLOSED_PORT)  # unnoticed until the interval is over

    assert client.get("/readyz").json()["search"] == "ok"
