"""The search engine's part of the readiness check (/readyz), registered with the portal from
SearchConfig.ready() so that the portal's views never import the engines."""

from .engines import engine_configured, record_degradation, search_degraded
from .engines.client import get_client


def search_status():
    """'ok', or 'degraded' while a search server is configured but failing (the database answers)."""
    if not engine_configured():
        return "ok"  # the database engine answers whenever the database does
    if search_degraded():  # a search fell back to the database moments ago: no need to ask again
        return "degraded"
    if get_client().ping():
        return "ok"
    record_degradation("readiness check", "no answer to a ping")
    return "degraded"
