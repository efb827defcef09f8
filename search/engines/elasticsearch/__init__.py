"""The search-server engine: elasticsearch.dsl requests, sent by the one client adapter
(`search.engines.client`) to Elasticsearch 8 or 9 or to OpenSearch 2 or 3.

`ElasticsearchEngine` answers the site operations (`search_jobs`, `site_search`, `suggest`),
`ElasticsearchMatchingEngine` matching's candidate retrieval; both return what the database
engines return. Every request body is built by a `build_*` function of its own module (jobs,
site, matching), apart from executing it, so tests compare bodies without a server.

Any failure of the server or of the way to it (unreachable, slower than SEARCH_TIMEOUT, an error
answer) leaves every public method as `SearchUnavailable` (the adapter's `EngineUnavailable` or
`EngineBadRequest`), which the interface answers from the database instead.
"""

import functools

from jobs.models import JobListing
from matching.places import place_regions
from partners.models import Graduate

from ..base import EngineUnavailable, JobHits, JobQuery, SearchUnavailable, SiteHits, SiteQuery
from ..client import LABELS, configured_engine, get_client


def unavailable_on_error(method):
    """Let the adapter's error kinds through as they are (both are SearchUnavailable); say which
    server failed when anything else of the client libraries escapes."""

    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        try:
            return method(*args, **kwargs)
        except SearchUnavailable:
            raise
        except (TimeoutError, ConnectionError) as error:
            raise EngineUnavailable(f"{engine_label()}: {error}") from error

    return wrapper


def engine_label():
    engine = configured_engine()
    return LABELS[engine] if engine else "The search server"


class ElasticsearchEngine:
    name = "elasticsearch"

    @unavailable_on_error
    def search_jobs(self, query: JobQuery) -> JobHits:
        from . import jobs  # elasticsearch.dsl is loaded only where Elasticsearch is used

        return jobs.search_jobs(query, client=get_client())

    @unavailable_on_error
    def site_search(self, query: SiteQuery) -> SiteHits:
        from . import site  # elasticsearch.dsl is loaded only where Elasticsearch is used

        return site.site_search(query, client=get_client())

    @unavailable_on_error
    def suggest(self, text, limit=8, language=""):
        from . import site  # elasticsearch.dsl is loaded only where Elasticsearch is used

        text = " ".join(text.split())
        if not text or limit < 1:
            return []  # nothing typed yet: no need to ask the server
        return site.suggest(text, limit, client=get_client(), language=language)


class ElasticsearchMatchingEngine:
    name = "elasticsearch"

    @unavailable_on_error
    def candidate_jobs(self, graduate, regions=None):
        """Open jobs passing every hard filter, as a JobListing queryset in the database's order."""
        from . import matching  # elasticsearch.dsl is loaded only where Elasticsearch is used

        if not Graduate.objects.matchable().filter(pk=graduate.pk).exists():
            return JobListing.objects.none()
        search = matching.build_candidate_jobs(graduate, regions or place_regions(graduate))
        ids = matching.scanned_ids(search, client=get_client())
        return JobListing.objects.published().filter(pk__in=ids)

    @unavailable_on_error
    def candidate_graduates(self, job):
        """Matchable graduates passing every hard filter, by reference (as the database orders them)."""
        from . import matching  # elasticsearch.dsl is loaded only where Elasticsearch is used

        if not JobListing.objects.published().filter(pk=job.pk).exists():
            return Graduate.objects.none()
        ids = matching.scanned_ids(matching.build_candidate_graduates(job), client=get_client())
        return Graduate.objects.matchable().filter(pk__in=ids).order_by("reference")

    @unavailable_on_error
    def job_ranking_rows(self, graduate, regions, skill_ids, certification_ids, limit):
        """The `limit` best open jobs for the graduate as JobRow (see search.matching)."""
        from . import matching  # elasticsearch.dsl is loaded only where Elasticsearch is used

        search = matching.build_job_ranking(graduate, regions, skill_ids, certification_ids, limit)
        return matching.visible_rows(search, limit, skill_ids, certification_ids, client=get_client())


__all__ = [
    "ElasticsearchEngine",
    "ElasticsearchMatchingEngine",
    "unavailable_on_error",
]
