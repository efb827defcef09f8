"""With the search server unreachable, every engine method says so at once: SearchUnavailable.

ELASTICSEARCH_URL or OPENSEARCH_URL (each client library in turn) points at a closed local port
(9, "discard", never listened on here), so the connection is refused; the interface then answers
from the database (tests/search/test_fallback.py).
"""

import time

import pytest

from matching.places import place_regions
from search.engines.base import EngineUnavailable, JobQuery, SearchUnavailable, SiteQuery
from search.engines.elasticsearch import ElasticsearchEngine, ElasticsearchMatchingEngine
from tests.employers.factories import JobListingFactory
from tests.partners.factories import GraduateFactory

pytestmark = pytest.mark.django_db

CLOSED_PORT = "http://127.0.0.1:9"


@pytest.fixture(params=[("ELASTICSEARCH_URL", "Elasticsearch"), ("OPENSEARCH_URL", "OpenSearch")])
def unreachable(request, settings):
    setting, label = request.param
    setattr(settings, setting, CLOSED_PORT)
    settings.SEARCH_TIMEOUT = 0.5
    return label


def operations():
    graduate, job = GraduateFactory(), JobListingFactory()
    site, matching = ElasticsearchEngine(), ElasticsearchMatchingEngine()
    return {
        "search_jobs": lambda: site.search_jobs(JobQuery(text="chef")),
        "site_search": lambda: site.site_search(SiteQuery(text="second chance")),
        "suggest": lambda: site.suggest("sec", 8),
        "candidate_jobs": lambda: matching.candidate_jobs(graduate),
        "candidate_graduates": lambda: matching.candidate_graduates(job),
        "job_ranking_rows": lambda: matching.job_ranking_rows(
            graduate, place_regions(graduate), {1}, set(), 20
        ),
    }


def test_every_engine_method_raises_search_unavailable_quickly(unreachable):
    for name, call in operations().items():
        started = time.monotonic()
        with pytest.raises(EngineUnavailable) as raised:
            call()
        assert time.monotonic() - started < 2, name
        assert f"{unreachable} at {CLOSED_PORT}" in str(raised.value), name


def test_without_an_address_the_engine_is_unavailable(settings):
    settings.ELASTICSEARCH_URL = ""

    with pytest.raises(SearchUnavailable):
        ElasticsearchEngine().suggest("sec")


def test_suggestions_for_nothing_typed_need_no_server(unreachable):
    assert ElasticsearchEngine().suggest("   ", 8) == []
    assert ElasticsearchEngine().suggest("sec", 0) == []
