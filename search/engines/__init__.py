"""Search engines behind the `search` interface. Views never import from here: `search.jobs`,
`search.site` and `search.matching` do.

Every engine answers the same operations with the same dataclasses (`base.py`): `search_jobs`,
`site_search` and `suggest` for the site, and `candidate_jobs`, `candidate_graduates` and
`job_ranking_rows` for matching. `run` and `run_matching` pick the engine: the search server
when one is configured (`engine_configured()`: ELASTICSEARCH_URL or OPENSEARCH_URL, see
`client.py`), the database otherwise, and the database again whenever the server cannot answer.
Then a warning is logged (at most once a minute, however many requests fail: a dead cluster must
not flood the logs) and the cache holds a short-lived "degraded" mark (/readyz pings instead:
search.health). After
an outage (EngineUnavailable) the server is left alone for SEARCH_RETRY_AFTER seconds (default
10): a cluster that times out would otherwise cost every visitor the whole SEARCH_TIMEOUT before
the database answers. A request the server refuses (EngineBadRequest) is a bug of ours: logged as
an error with its traceback, answered by the database, and the server is not paused for it.
Each answer the database gives while a server is configured is counted in FALLBACKS (per process,
by operation): the benchmark fails when a search it timed on the server was the database's.
"""

import collections
import contextlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError

from .base import (
    EngineBadRequest,
    EngineUnavailable,
    JobHits,
    JobQuery,
    SearchUnavailable,
    SiteHit,
    SiteHits,
    SiteQuery,
    Suggestion,
)
from .client import configured_engine
from .database import DatabaseEngine
from .elasticsearch import ElasticsearchEngine, ElasticsearchMatchingEngine
from .matching_db import MatchingDatabaseEngine

logger = logging.getLogger(__name__)

WARNING_INTERVAL = 60  # seconds between two "search degraded" warnings
DEGRADED_FOR = 120  # seconds search_degraded() says so after the last fallback
WARNED_KEY = "search:degraded:warned"
DEGRADED_KEY = "search:degraded"
PAUSED_KEY = "search:paused"
HEALTH_KEY = "search:health"  # the readiness check's last ping (search.health)

# Used when the cache itself cannot answer: then each process limits its own warnings.
_warned_at = None

# operation → answers the database gave in this process although a search server is configured
# (it failed, or was paused after failing). Never reset here: readers compare before and after.
FALLBACKS = collections.Counter()


def database_engine():
    return DatabaseEngine()


def database_matching_engine():
    return MatchingDatabaseEngine()


def elasticsearch_engine():
    return ElasticsearchEngine()


def elasticsearch_matching_engine():
    return ElasticsearchMatchingEngine()


def engine_configured():
    """Whether a search server is configured (the one question "is an engine in use?")."""
    return configured_engine() is not None


def run(operation, *args, **kwargs):
    """Answer a site operation (`search_jobs`, `site_search`, `suggest`) with the engine in use."""
    return _answer(elasticsearch_engine, database_engine, operation, args, kwargs)


def run_matching(operation, *args, **kwargs):
    """Answer a matching operation with the engine in use."""
    return _answer(elasticsearch_matching_engine, database_matching_engine, operation, args, kwargs)


def _answer(scale_out, fallback, operation, args, kwargs):
    configured = engine_configured()
    if configured and not _paused():
        try:
            return getattr(scale_out(), operation)(*args, **kwargs)
        except DatabaseError:
            raise  # the database would fail the fallback too: not a search problem
        except Exception as error:
            # The visitor gets the database's answer whatever went wrong; an outage is the
            # expected failure, a refused request or anything else a bug worth a traceback.
            expected = _is_engine_failure(error)
            if expected:
                _pause()
            record_degradation(operation, error, expected=expected)
    if configured:  # failed just now, or paused after an outage
        FALLBACKS[operation] += 1
    return getattr(fallback(), operation)(*args, **kwargs)


def _paused():
    try:
        return cache.get(PAUSED_KEY) is not None
    except Exception:
        return False


def _pause():
    # The readiness check's last ping said nothing of this outage: let the next probe ping again.
    with contextlib.suppress(Exception):
        cache.delete(HEALTH_KEY)
    seconds = getattr(settings, "SEARCH_RETRY_AFTER", 10)
    if seconds > 0:
        # Without a cache every request tries the engine again: slower, still correct.
        with contextlib.suppress(Exception):
            cache.set(PAUSED_KEY, time.time(), timeout=seconds)


def _is_engine_failure(error):
    if isinstance(error, EngineBadRequest):
        return False
    return isinstance(error, SearchUnavailable | TimeoutError | ConnectionError)


def record_degradation(operation, error, expected=True):
    """Mark search as degraded and warn, at most once per WARNING_INTERVAL."""
    try:
        cache.set(DEGRADED_KEY, time.time(), timeout=DEGRADED_FOR)
        first = cache.add(WARNED_KEY, True, timeout=WARNING_INTERVAL)
    except Exception:  # the cache is down as well: fall back to this process's memory
        first = _first_in_process()
    if not first:
        return
    if expected:
        logger.warning(
            "Search degraded: the search server could not answer %s (%s); the database answers instead",
            operation,
            error,
        )
    else:
        logger.error(
            "Search degraded: the search server's engine failed on %s; the database answers instead",
            operation,
            exc_info=error,
        )


def _first_in_process():
    global _warned_at
    now = time.time()
    if _warned_at is not None and now - _warned_at < WARNING_INTERVAL:
        return False
    _warned_at = now
    return True


def search_degraded():
    """True while the search server failed a request within the last DEGRADED_FOR seconds."""
    try:
        return cache.get(DEGRADED_KEY) is not None
    except Exception:
        return False


__all__ = [
    "FALLBACKS",
    "HEALTH_KEY",
    "EngineBadRequest",
    "EngineUnavailable",
    "JobHits",
    "JobQuery",
    "SearchUnavailable",
    "SiteHit",
    "SiteHits",
    "SiteQuery",
    "Suggestion",
    "engine_configured",
    "record_degradation",
    "run",
    "run_matching",
    "search_degraded",
]
