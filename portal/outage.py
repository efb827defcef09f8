"""When the database or the cache server is away: a quick, friendly 503 with Retry-After instead
of an error page.

The connection settings (connect_timeout, CONN_HEALTH_CHECKS) make a request fail within seconds
rather than hang a worker; this turns that failure into the 503 page. The page is rendered
without a request context (no session, user or site settings: each would need the database).
Django closes a connection that raised, so the next request after the database is back simply
connects again: the site recovers by itself.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views import defaults
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
# Errors of an unreachable or restarting server (psycopg's AdminShutdown is an OperationalError),
# not of a bad query (IntegrityError, ProgrammingError), which stay 500s worth fixing. What the
# cache cannot do while Redis is away (reads fall back to the database; logging out cannot drop
# the cached session, portal/sessions.py) is such an outage too.
OUTAGE_ERRORS = (OperationalError, InterfaceError, RedisConnectionError, RedisTimeoutError)


def is_outage(error):
    return isinstance(error, OUTAGE_ERRORS)


def service_unavailable(request=None):
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # Never cached by a proxy or the page cache: the site is back in seconds.
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    """Catches the error in views and in rendering (process_exception)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_outage(exception):
            logger.warning("Database unavailable, answering 503 for %s: %s", request.path, exception)
            return service_unavailable(request)
        return None


def server_error(request, template_name="500.html"):
    """handler500: a database error raised by a middleware (not a view) also gets the 503 page."""
    error = sys.exc_info()[1]
    if error is not None and is_outage(error):
        return service_unavailable(request)
    return defaults.server_error(request, template_name=template_name)
