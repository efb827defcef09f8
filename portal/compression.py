"""Gzip for public pages read anonymously; nothing that carries a secret is ever compressed.

BREACH recovers a secret from a compressed HTTPS response when the attacker can also place text
of their choosing in the same response and watch its size. So only responses with no secret in
them are compressed: a request without a session or messages cookie and without credentials,
from someone not logged in, answered with a page that holds no CSRF token and sets no cookie.
Everything else (logged-in areas, forms, the admin) goes out as it is. Django's GZipMiddleware
does the compressing (with its random-length filename padding as a second line of defence);
this class only decides when.

It sits above the page cache middleware: cached pages are stored uncompressed and compressed on
the way out for the clients that accept gzip. Media and static files are answered above it by
WhiteNoise (static files come precompressed from collectstatic; pictures gain nothing).
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware

from portal.page_cache import PRIVATE_PREFIXES

# Private areas, and addresses that carry a signed token (pledge confirmation and erasure links,
# one-click retention answers): their pages may repeat the token.
NEVER_COMPRESSED = (*PRIVATE_PREFIXES, "/support/", "/outcomes/")

TEXT_TYPES = (
    "text/",
    "application/json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/javascript",
    "image/svg+xml",
)


def carries_no_secret(request, response):
    if request.path.startswith(NEVER_COMPRESSED):
        return False
    control = response.get("Cache-Control", "").lower()
    if "private" in control or "no-store" in control:
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    if response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or b"csrfmiddlewaretoken" in response.content:
        return False
    token = request.META.get("CSRF_COOKIE")
    return not (token and token.encode() in response.content)


class PublicPageGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if response.streaming or response.has_header("Content-Encoding"):
            return response
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if not content_type.startswith(TEXT_TYPES):
            return response
        if not carries_no_secret(request, response):
            return response
        return super().process_response(request, response)
