"""The contract suite: the same data and the same assertions for every search engine it can reach.

"database" always runs. "elasticsearch" runs when ELASTICSEARCH_URL is set (indices under a
prefix of their own, deleted afterwards), is skipped with the reason otherwise, and fails instead
of skipping when REQUIRE_ELASTICSEARCH=1 (CI with a server). An Elasticsearch test also fails if
any request fell back to the database: the contract is about the engine's own answers.
"""

import io
import os
import uuid

import pytest
from django.conf import settings
from django.test import override_settings

ENGINES = ["database", "elasticsearch"]


class Engine:
    """What a test needs to know of the engine under test."""

    def __init__(self, name):
        self.name = name

    def load(self):
        """Make the fixture searchable: a full rebuild, as an operator would run it."""
        if self.name == "elasticsearch":
            from search import index

            index.rebuild(out=io.StringIO())

    def settle(self):
        """After a change: wait until the engine shows it (the index tasks ran inline)."""
        if self.name == "elasticsearch":
            from search import index

            index.refresh()


@pytest.fixture(params=ENGINES)
def engine(request, db):
    if request.param == "database":
        with override_settings(ELASTICSEARCH_URL=""):
            yield Engine("database")
        return
    if not settings.ELASTICSEARCH_URL:
        reason = "ELASTICSEARCH_URL is not set: the Elasticsearch engine's contract was not run"
        if os.environ.get("REQUIRE_ELASTICSEARCH") == "1":
            pytest.fail(f"{reason} (REQUIRE_ELASTICSEARCH=1)")
        pytest.skip(reason)
    prefix = f"test_contract_{uuid.uuid4().hex[:8]}"
    with override_settings(SEARCH_INDEX_PREFIX=prefix):
        from search.engines import search_degraded

        engine = Engine("elasticsearch")
        try:
            yield engine
        finally:
            from search.index import client

            es = client()
            # By name: clusters refuse wildcard deletions (action.destructive_requires_name).
            names = list(es.indices.get(index=f"{prefix}_*"))
            if names:
                es.indices.delete(index=",".join(names))
        assert not search_degraded(), "a request fell back to the database: see the warning logged"
