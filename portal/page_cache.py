"""Public pages served from the cache to anonymous visitors.

Most requests are anonymous people reading stories, campaigns and the job board; rendering the
same page for each costs 20 to 100 ms and a dozen queries. A page is stored and reused only
when nothing in it can belong to one visitor:

- the request is a GET from someone without a session or messages cookie (so not logged in,
  no pending "thank you" message) to a public address (not the admin, accounts, the employer or
  partner areas);
- the response is a plain 200 that sets no cookie, is not marked private or no-store, and
  carries no CSRF token (a page with a form keeps being rendered for each visitor).

A stored answer is not a free pass: before the cache answers, the guard the view attached to its
response (`response.cache_guard`, a module-level function, so it survives pickling; the API's
rate limit) runs again and may refuse, and a conditional GET whose If-None-Match or
If-Modified-Since matches the stored ETag or Last-Modified gets a 304.

Everything stored is dropped at once when editors publish, unpublish, move or delete a page, or
when anything a public page shows is saved or deleted (a generation number in the key, kept in
the shared cache so that a management command in another process drops the web processes'
pages too); otherwise an entry lives PAGE_CACHE_SECONDS (60 by default, 0 switches the cache off).

Each app names the models its public pages show, once, from its AppConfig.ready():
`page_cache.register(JobListing, HiringPledge, ...)`. A save, a delete or a change to a
many-to-many relation of a registered model then drops every cached page. Code that changes such
a model with `QuerySet.update()` or `bulk_create()` (no signal) calls `forget_pages()` itself.
Figures cached apart from the pages (the home page's counts, the impact figures) put
`generation()` in their key, so they follow the data too.

The key holds the host and full address, the language the visitor would get (as Django's
LocaleMiddleware chooses it: URL prefix, language cookie, Accept-Language), and the value of
every request header the response names in `Vary` (`Vary: *` is never stored).
"""

import hashlib
import logging

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils import translation
from django.utils.cache import cc_delim_re, get_conditional_response
from django.utils.http import parse_http_date_safe
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .generations import Generation

logger = logging.getLogger(__name__)

PAGES = Generation("portal:page-cache:generation", "cached pages")
PRIVATE_PREFIXES = (
    "/admin/",
    "/accounts/",
    "/employer/",
    "/partner/",
    "/seeker/",
    "/documents/",
    "/django-admin/",
)
HIT_HEADER = "X-Page-Cache"


def cache_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 60)


def generation():
    """The current generation of public data: any key holding it goes stale on every change."""
    return PAGES.current()


def forget_pages(**kwargs):
    """Drop every cached page (they all share a navigation, so a partial purge would be wrong)."""
    PAGES.advance()


def _digest(text):
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def _base_key(request):
    """The address and the language the page will be rendered in (as LocaleMiddleware decides it)."""
    prefixed, prefix_default = is_language_prefix_patterns_used(settings.ROOT_URLCONF)
    language = translation.get_language_from_request(request, check_path=prefixed)
    if prefixed and not prefix_default and not translation.get_language_from_path(request.path_info):
        language = settings.LANGUAGE_CODE  # as LocaleMiddleware: an address without a prefix is English
    address = f"{request.get_host()}{request.get_full_path()}"
    return f"portal:page-cache:{generation()}:{language}:{_digest(address)}"


def _vary_headers(response):
    """The request headers a response depends on, lower-case and sorted; None for `Vary: *`."""
    headers = sorted({h.strip().lower() for h in cc_delim_re.split(response.get("Vary", "")) if h.strip()})
    return None if "*" in headers else headers


def _variant_key(base, request, headers):
    """A key per combination of the values of the headers a response said it varies on."""
    pairs = [(header, request.META.get("HTTP_" + header.upper().replace("-", "_"), "")) for header in headers]
    return f"{base}:{_digest(repr(pairs))}"


def _without_language_prefix(path):
    """ "/fr/employer/" -> "/employer/": the private areas are private in every language."""
    if translation.get_language_from_path(path):
        return "/" + path.split("/", 2)[2] if path.count("/") >= 2 else "/"
    return path


def may_use_cache(request):
    if request.method != "GET" or cache_seconds() <= 0:
        return False
    if _without_language_prefix(request.path).startswith(PRIVATE_PREFIXES):
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def may_store(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or b"csrfmiddlewaretoken" in response.content:
        return False
    token = request.META.get("CSRF_COOKIE")
    if token and token.encode() in response.content:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    messages = getattr(request, "_messages", None)
    return not getattr(messages, "added_new", False)


def answer_from_cache(request, cached):
    """What a hit answers: the view's guard first (a 429 stays a 429), then 304 when the client
    already holds this answer, else the stored page."""
    guard = getattr(cached, "cache_guard", None)
    if guard is not None:
        refused = guard(request)
        if refused is not None:
            return refused
    last_modified = (
        parse_http_date_safe(cached["Last-Modified"]) if cached.has_header("Last-Modified") else None
    )
    answer = get_conditional_response(
        request, etag=cached.get("ETag"), last_modified=last_modified, response=cached
    )
    answer[HIT_HEADER] = "hit"
    return answer


class PublicPageCacheMiddleware:
    """Place it above the session middleware: a hit then costs one cache read and no query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_use_cache(request):
            return self.get_response(request)
        try:
            base = _base_key(request)
            headers = cache.get(f"{base}:vary")
            cached = None if headers is None else cache.get(_variant_key(base, request, headers))
        except Exception:  # the cache server is away: render, as without a cache
            logger.warning("Page cache unavailable", exc_info=True)
            return self.get_response(request)
        if cached is not None:
            return answer_from_cache(request, cached)
        response = self.get_response(request)
        headers = _vary_headers(response)
        if headers is not None and may_store(request, response):
            try:
                # Like Django's cache middleware: the header list under the address, the page
                # under the address plus the values of those headers in this request.
                cache.set(f"{base}:vary", headers, cache_seconds())
                cache.set(_variant_key(base, request, headers), response, cache_seconds())
            except Exception:
                logger.warning("Page cache unavailable", exc_info=True)
                return response
            response[HIT_HEADER] = "miss"
        return response


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _forget_after_page_change(**kwargs):
    forget_pages()


# The models public pages show, by label ("jobs.JobListing"); apps add theirs with register().
_public_models = set()


def register(*models):
    """Say that public pages show these models: saving or deleting one (or changing one of its
    many-to-many relations) drops every cached page."""
    for model in models:
        _public_models.add(model._meta.concrete_model._meta.label)
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                _forget_after_m2m_change,
                sender=field.remote_field.through,
                dispatch_uid=f"portal.page_cache.m2m:{model._meta.label}.{field.name}",
            )


def is_public(model):
    return model._meta.concrete_model._meta.label in _public_models


def _forget_after_m2m_change(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        forget_pages()


@receiver(post_save)
@receiver(post_delete)
def _forget_after_change(sender, **kwargs):
    meta = getattr(sender, "_meta", None)
    if meta is None or sender.__module__ == "__fake__":
        # A migration's historical model: the cache table may not exist yet, and `migrate`
        # drops every cached page once it is done (portal.apps).
        return
    if is_public(sender) or (kwargs.get("signal") is post_delete and issubclass(sender, Page)):
        forget_pages()
