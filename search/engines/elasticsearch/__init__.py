"""The Elasticsearch engine (elasticsearch.dsl, client 8.x; Elasticsearch 8 and 9 servers).

`ElasticsearchEngine` answers the site operations (`search_jobs`, `site_search`, `suggest`),
`ElasticsearchMatchingEngine` matching's candidate retrieval; both return what the database
engines return. Every request body is built by a `build_*` function of its own module (jobs,
site, matching), apart from executing it, so tests compare bodies without a server.

Any failure of the server or of the way to it (unreachable, slower than SEARCH_TIMEOUT, an error
answer) leaves every public method as `SearchUnavailable`, which the interface answers from the
database instead.
"""

import functools

from django.conf import settings

from jobs.models import JobListing
from matching.places import place_regions
from partners.models import Graduate

from ..base import JobHits, JobQuery, SearchUnavailable, SiteHits, SiteQuery

_clients = {}


def engine_errors():
    """What the client raises when Elasticsearch cannot answer (not a bug of ours)."""
    # The client library is loaded only where Elasticsearch is used (the database engine needs none).
    from elastic_transport import TransportError
    from elasticsearch import ApiError
    from elasticsearch.helpers import BulkIndexError, ScanError

    # TransportError covers ConnectionError, ConnectionTimeout, TLS and serialization errors.
    return (ApiError, TransportError, ScanError, BulkIndexError)


def get_client():
    """A client for settings.ELASTICSEARCH_URL, one per address and timeout (it pools connections).

    No retries: a server that does not answer within SEARCH_TIMEOUT is a reason to use the
    database now, not to wait for it several times.
    """
    from elasticsearch import Elasticsearch  # loaded only where Elasticsearch is used

    if not settings.ELASTICSEARCH_URL:
        raise SearchUnavailable("ELASTICSEARCH_URL is not set")
    timeout = float(getattr(settings, "SEARCH_TIMEOUT", 2))
    key = (settings.ELASTICSEARCH_URL, timeout)
    if key not in _clients:
        _clients[key] = Elasticsearch(
            settings.ELASTICSEARCH_URL, request_timeout=timeout, max_retries=0, retry_on_timeout=False
        )
    return _clients[key]


def unavailable_on_error(method):
    """Turn any client, transport or server error into SearchUnavailable (the fallback's cue)."""

    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        try:
            return method(*args, **kwargs)
        except SearchUnavailable:
            raise
        except engine_errors() as error:
            raise SearchUnavailable(f"Elasticsearch: {error}") from error

    return wrapper


class ElasticsearchEngine:
    name = "elasticsearch"

    @unavailable_on_error
    def search_jobs(self, query: JobQuery) -> JobHits:
        from . import jobs  # elasticsearch.dsl is loaded only where Elasticsearch is used

        return jobs.search_jobs(query, using=get_client())

    @unavailable_on_error
    def site_search(self, query: SiteQuery) -> SiteHits:
        from . import site  # elasticsearch.dsl is loaded only where Elasticsearch is used

        return site.site_search(query, using=get_client())

    @unavailable_on_error
    def suggest(self, text, limit=8):
        from . import site  # elasticsearch.dsl is loaded only where Elasticsearch is used

        text = " ".join(text.split())
        if not text or limit < 1:
            return []  # nothing typed yet: no need to ask the server
        return site.suggest(text, limit, using=get_client())


class ElasticsearchMatchingEngine:
    name = "elasticsearch"

    @unavailable_on_error
    def candidate_jobs(self, graduate, regions=None):
        """Open jobs passing every hard filter, as a JobListing queryset in the database's order."""
        from . import matching  # elasticsearch.dsl is loaded only where Elasticsearch is used

        if not Graduate.objects.matchable().filter(pk=graduate.pk).exists():
            return JobListing.objects.none()
        search = matching.build_candidate_jobs(
            graduate, regions or place_regions(graduate), using=get_client()
        )
        return JobListing.objects.published().filter(pk__in=matching.scanned_ids(search))

    @unavailable_on_error
    def candidate_graduates(self, job):
        """Matchable graduates passing every hard filter, by reference (as the database orders them)."""
        from . import matching  # elasticsearch.dsl is loaded only where Elasticsearch is used

        if not JobListing.objects.published().filter(pk=job.pk).exists():
            return Graduate.objects.none()
        ids = matching.scanned_ids(matching.build_candidate_graduates(job, using=get_client()))
        return Graduate.objects.matchable().filter(pk__in=ids).order_by("reference")

    @unavailable_on_error
    def job_ranking_rows(self, graduate, regions, skill_ids, certification_ids, limit):
        """The `limit` best open jobs for the graduate as JobRow (see search.matching)."""
        from . import matching  # elasticsearch.dsl is loaded only where Elasticsearch is used

        search = matching.build_job_ranking(
            graduate, regions, skill_ids, certification_ids, limit, using=get_client()
        )
        return matching.rows_of(search.execute(), skill_ids, certification_ids)


__all__ = [
    "ElasticsearchEngine",
    "ElasticsearchMatchingEngine",
    "engine_errors",
    "get_client",
    "unavailable_on_error",
]
