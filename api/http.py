"""What every address of the API does before and after its own work, in one place.

- Read-only: GET and HEAD answer; OPTIONS answers a CORS preflight allowing GET only; every
  other method is refused with 405 and an Allow header.
- CORS open to every origin, for reading: the data is public and nothing uses cookies.
- Rate limited per client address (portal.ratelimit, so Redis in production): 429 with
  Retry-After once a client has used up the window.
- ETag on every successful answer, and 304 for a conditional GET that already has it.
"""

import functools
import hashlib
import json

from django.conf import settings
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.translation import gettext as _

from portal.ratelimit import hit, parse_rate

DEFAULT_RATE = "120/m"
READ_METHODS = ("GET", "HEAD")
ALLOWED = "GET, HEAD, OPTIONS"
MAX_AGE = 60  # seconds a client or proxy may reuse an answer without asking again


def rate():
    return getattr(settings, "API_RATE_LIMIT", DEFAULT_RATE)


def json_error(status, detail, **headers):
    response = HttpResponse(
        json.dumps({"detail": str(detail)}), status=status, content_type="application/json"
    )
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def cors(response):
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag, Retry-After"
    return response


def preflight():
    response = HttpResponse(status=204)
    response["Allow"] = ALLOWED
    response["Access-Control-Allow-Methods"] = "GET"
    response["Access-Control-Allow-Headers"] = "Accept, Accept-Language, If-None-Match"
    response["Access-Control-Max-Age"] = "86400"
    return cors(response)


def with_etag(request, response):
    """Tag a successful answer by its content; 304 when the client already holds it."""
    if response.status_code != 200 or response.streaming:
        return response
    etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    patch_vary_headers(response, ["Accept-Language"])
    # A 304 keeps ETag, Cache-Control and Vary: what a cache needs to refresh what it holds.
    return get_conditional_response(request, etag=etag, response=response)


def refuse_over_limit(request):
    """Count one request against the client's allowance; the 429 to send once it is used up."""
    if hit("api", request, rate()):
        return None
    _limit, seconds = parse_rate(rate())
    response = json_error(
        429,
        _("Too many requests from your address. Wait %(seconds)s seconds and try again.")
        % {"seconds": seconds},
        Retry_After=str(seconds),
    )
    return cors(response)


def guarded(view):
    """Wrap one API view with the method check, the rate limit, CORS and conditional GET."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            return preflight()
        if request.method not in READ_METHODS:
            response = json_error(405, _("The open data API is read-only: use GET."), Allow=ALLOWED)
            return cors(response)
        refused = refuse_over_limit(request)
        if refused is not None:
            return refused
        head = request.method == "HEAD"
        if head:
            # The views answer GET; the server drops the body of a HEAD answer.
            request.method = "GET"
        # /api/ is outside i18n_patterns and LocaleMiddleware does not run for it: the answer's
        # language (labels, messages, and the words' stemming in search) is Accept-Language's.
        language = translation.get_language_from_request(request, check_path=False)
        try:
            with translation.override(language):
                response = view(request, *args, **kwargs)
        finally:
            if head:
                request.method = "HEAD"
        response["Content-Language"] = language
        # Every answer, not only a 200: a cache must keep one per language (the page cache
        # keys its variants by the headers named here).
        patch_vary_headers(response, ["Accept-Language"])
        response = cors(with_etag(request, response))
        # The page cache may keep this answer: the limit must run again before it is reused.
        response.cache_guard = refuse_over_limit
        return response

    wrapper.csrf_exempt = True  # nothing here changes state: a write is refused above
    return wrapper
