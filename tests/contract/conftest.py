"""The contract suite: the same data and the same assertions for every search engine it can reach.

"database" always runs. "elasticsearch" runs when ELASTICSEARCH_URL is set, "opensearch" when
OPENSEARCH_URL is (one server at a time: the settings refuse both), each with indices under a
prefix of its own, deleted afterwards, and is skipped with the reason otherwise. With
REQUIRE_SEARCH_ENGINE=1 (CI with a server) a server test fails instead of skipping when no
server is configured at all; REQUIRE_ELASTICSEARCH=1 still demands Elasticsearch itself. A server
test also fails if any request fell back to the database: the contract is about the engine's own
answers.
"""

import io
import os
import uuid

import pytest
from django.conf import settings
from django.test import override_settings

from search import index
from search.engines import search_degraded
from search.engines.client import ELASTICSEARCH, OPENSEARCH, SETTINGS, configured_engine

ENGINES = ["database", ELASTICSEARCH, OPENSEARCH]
NO_SERVER = {
    "ELASTICSEARCH_URL": "",
    "OPENSEARCH_URL": "",
    "WAGTAILSEARCH_BACKENDS": {"default": {"BACKEND": "wagtail.search.backends.database"}},
}


class Engine:
    """What a test needs to know of the engine under test."""

    def __init__(self, name, prefix=""):
        self.name = name
        self.prefix = prefix

    @property
    def live(self):
        return self.name != "database"

    def load(self):
        """Make the fixture searchable: a full rebuild, as an operator would run it."""
        if self.live:
            index.rebuild(out=io.StringIO())

    def settle(self):
        """After a change: wait until the engine shows it (the index tasks ran inline)."""
        if self.live:
            index.refresh()


def server_under_test():
    """The search server the environment names (tests/settings.py keeps it for this suite)."""
    with override_settings(**settings.SEARCH_SERVER_UNDER_TEST):
        return configured_engine()


def skip_or_fail(name, configured):
    if configured is None:
        reason = f"{SETTINGS[name]} is not set: the {name} engine's contract was not run"
        if os.environ.get("REQUIRE_SEARCH_ENGINE") == "1":
            pytest.fail(f"{reason} (REQUIRE_SEARCH_ENGINE=1 and no search server is configured)")
    else:
        reason = (
            f"{SETTINGS[configured]} names the server: the {name} engine's contract runs where "
            f"{SETTINGS[name]} is set"
        )
    if name == ELASTICSEARCH and os.environ.get("REQUIRE_ELASTICSEARCH") == "1":
        pytest.fail(f"{reason} (REQUIRE_ELASTICSEARCH=1)")
    pytest.skip(reason)


@pytest.fixture(params=ENGINES)
def engine(request, db):
    if request.param == "database":
        with override_settings(**NO_SERVER):
            yield Engine("database")
        return
    configured = server_under_test()
    if configured != request.param:
        skip_or_fail(request.param, configured)
    prefix = f"test_contract_{uuid.uuid4().hex[:8]}"
    server = settings.SEARCH_SERVER_UNDER_TEST
    wagtail = {
        name: {**backend, "INDEX_PREFIX": f"{prefix}_wagtail_"}
        for name, backend in server["WAGTAILSEARCH_BACKENDS"].items()
    }
    with override_settings(**{**server, "WAGTAILSEARCH_BACKENDS": wagtail}, SEARCH_INDEX_PREFIX=prefix):
        try:
            yield Engine(request.param, prefix)
        finally:
            client = index.client()
            # By name: clusters refuse wildcard deletions (action.destructive_requires_name).
            for name in client.indices_matching(f"{prefix}_*"):
                client.delete_index(name)
        assert not search_degraded(), "a request fell back to the database: see the warning logged"
