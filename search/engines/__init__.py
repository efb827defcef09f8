"""Search engines behind the `search` interface. Views never import from here: `search.jobs`,
`search.site` and `search.matching` do.

Every engine answers the same operations with the same dataclasses (`base.py`): `search_jobs`,
`site_search` and `suggest` for the site, and `candidate_jobs`, `candidate_graduates` and
`job_ranking_rows` for matching. `run` and `run_matching` pick the engine: Elasticsearch when
`ELASTICSEARCH_URL` is set, the database otherwise, and the database again whenever
Elasticsearch raises `SearchUnavailable`.
"""

from .base import JobHits, JobQuery, SearchUnavailable, SiteHit, SiteHits, SiteQuery, Suggestion


def database_engine():
    from .database import DatabaseEngine

    return DatabaseEngine()


def database_matching_engine():
    from .matching_db import MatchingDatabaseEngine

    return MatchingDatabaseEngine()


def run(operation, *args, **kwargs):
    """Answer a site operation (`search_jobs`, `site_search`, `suggest`) with the engine in use."""
    return getattr(database_engine(), operation)(*args, **kwargs)


def run_matching(operation, *args, **kwargs):
    """Answer a matching operation with the engine in use."""
    return getattr(database_matching_engine(), operation)(*args, **kwargs)


__all__ = [
    "JobHits",
    "JobQuery",
    "SearchUnavailable",
    "SiteHit",
    "SiteHits",
    "SiteQuery",
    "Suggestion",
    "run",
    "run_matching",
]
