"""The search engine's part of the readiness check (/readyz), registered with the portal from
SearchConfig.ready() so that the portal's views never import the engines."""

from django.conf import settings

from .engines import record_degradation, search_degraded
from .engines.elasticsearch import get_client


def search_status():
    """'ok', or 'degraded' while Elasticsearch is configured but failing (the database answers)."""
    if not settings.ELASTICSEARCH_URL:
        return "ok"  # the database engine answers whenever the database does
    if search_degraded():  # a search fell back to the database moments ago: no need to ask again
        return "degraded"
    try:
        if get_client().ping():
            return "ok"
        error = "no answer to a ping"
    except Exception as exc:
        error = exc
    record_degradation("readiness check", error)
    return "degraded"
