"""The bench's search-server side measures what it says: a search the database answered in the
server's place fails the run, the job index must hold every published open job, and the table
puts each engine's numbers in its own column.

The server tests use the node the environment names (tests/settings.py keeps it for these), with
indices under a prefix of their own, deleted afterwards; the fallback test points the settings
at a closed local port, so each search really tries the server and fails.
"""

import uuid

import pytest
from django.conf import settings
from django.test import override_settings

from bench import server_side
from jobs.models import JobListing
from search import index, jobs
from search.engines import FALLBACKS
from search.engines.client import configured_engine
from search.engines.elasticsearch.documents import JobDocument
from tests.employers.factories import EmployerFactory, JobListingFactory

pytestmark = pytest.mark.django_db

CLOSED_PORT = "http://127.0.0.1:9"


def local_cache(name):
    """A cache of the test's own: a pause left by a closed port must not reach another test."""
    return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": name}}


def job_search_rows(rounds):
    """A one-shape stand-in for measure.job_searches: a row whose results the engine counted."""
    for _ in range(rounds):
        jobs.search(query="chef")
    return [{"name": "'chef'", "results": jobs.search(query="chef").total, "p95_ms": 1.0}]


@pytest.fixture
def listings():
    employer = EmployerFactory(name="Harbour Kitchens")
    for title in ("Chef de partie", "Head chef", "Warehouse operative"):
        JobListingFactory(employer=employer, title=title, status="published")
    JobListingFactory(employer=employer, title="Sous chef", status="draft")


@pytest.fixture
def live_server_settings():
    """The node the environment names, with indices of this test's own; skipped without one."""
    server = settings.SEARCH_SERVER_UNDER_TEST
    with override_settings(**server):
        if configured_engine() is None:
            pytest.skip("OPENSEARCH_URL (or ELASTICSEARCH_URL) is not set: no server to measure")
    prefix = f"test_bench_{uuid.uuid4().hex[:8]}"
    with override_settings(**server, SEARCH_INDEX_PREFIX=prefix, CACHES=local_cache(prefix)):
        try:
            yield
        finally:
            client = index.client()
            for name in client.indices_matching(f"{prefix}_*"):
                client.delete_index(name)


def test_a_search_the_database_answered_fails_the_server_side(listings):
    server_down = override_settings(
        OPENSEARCH_URL=CLOSED_PORT, SEARCH_TIMEOUT=0.2, CACHES=local_cache("down")
    )
    with server_down, pytest.raises(server_side.ServerSideFailed, match=r"search_jobs \d+x"):
        server_side.side_by_side(job_search_rows, rounds=2, warm_rounds=1)


def test_the_database_turn_is_answered_by_the_database_even_with_a_server_set(listings):
    before = FALLBACKS.copy()
    with (
        override_settings(OPENSEARCH_URL=CLOSED_PORT, CACHES=local_cache("database")),
        server_side.database_engine(),
    ):
        rows = job_search_rows(rounds=1)
    assert rows[0]["results"] == 2  # the draft is not searched
    assert not FALLBACKS - before


def test_each_engine_has_its_column_and_a_shape_one_engine_lacks_stays_blank():
    database = [{"name": "a", "p95_ms": 10.0, "results": 5}, {"name": "b", "p95_ms": 20.0, "results": 1}]
    server = [{"name": "a", "p95_ms": 12.5, "results": 5}]
    rows = server_side.merged(database, server, ("results", "p95_ms"))
    assert rows == [
        {"name": "a", "results_db": 5, "results_server": 5, "p95_ms_db": 10.0, "p95_ms_server": 12.5},
        {"name": "b", "results_db": 1, "results_server": None, "p95_ms_db": 20.0, "p95_ms_server": None},
    ]


def test_the_rebuilt_job_index_holds_every_open_job_and_the_server_answers(listings, live_server_settings):
    job_index = server_side.job_index(rebuild=True)
    assert job_index["documents"] == job_index["open_jobs"] == 3
    assert job_index["bytes"] > 0
    assert job_index["rebuild_seconds"] is not None
    database_rows, server_rows = server_side.side_by_side(job_search_rows, rounds=2, warm_rounds=1)
    assert database_rows[0]["results"] == server_rows[0]["results"] == 2


def test_an_index_missing_an_open_job_fails_the_server_side(listings, live_server_settings):
    server_side.job_index(rebuild=True)
    chef = JobListing.objects.published().get(title="Head chef")
    index.remove_object("jobs.JobListing", chef.pk)  # as if its update never reached the server
    index.refresh([JobDocument])
    with pytest.raises(server_side.ServerSideFailed, match="holds 2 documents for 3 published open jobs"):
        server_side.job_index(rebuild=False)
