"""The search engine's part of the readiness check (/readyz), registered with the portal from
SearchConfig.ready() so that the portal's views never import the engines.

It follows the server's real state: a ping, at most one per SEARCH_HEALTH_INTERVAL seconds
(default 5) whatever the number of probes, its answer kept in the cache meanwhile. Not the
"degraded" mark of a fallback, which stays for minutes after the server is back, nor the pause
after an outage: a probe must see a recovered server within seconds. An outage met by a search
forgets the kept answer (search.engines), so the next probe pings at once.
"""

import contextlib

from django.conf import settings
from django.core.cache import cache

from .engines import HEALTH_KEY, engine_configured, record_degradation
from .engines.client import get_client

OK = "ok"
DEGRADED = "degraded"


def search_status():
    """'ok', or 'degraded' while a search server is configured but does not answer (the database does)."""
    if not engine_configured():
        return OK  # the database engine answers whenever the database does
    try:
        known = cache.get(HEALTH_KEY)
    except Exception:
        known = None  # without the cache every probe pings: slower, still right
    if known in (OK, DEGRADED):
        return known
    state = OK if get_client().ping() else DEGRADED
    interval = float(getattr(settings, "SEARCH_HEALTH_INTERVAL", 5))
    if interval > 0:
        with contextlib.suppress(Exception):
            cache.set(HEALTH_KEY, state, timeout=interval)
    if state == DEGRADED:
        record_degradation("readiness check", "no answer to a ping")
    return state
