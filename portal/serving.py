"""Wagtail's page serving, with the answer to "which page is at this address" kept in the cache.

Wagtail finds the page of each request with two to four queries (the site for the host, the
root page, the page on the path, its specific row) before the page renders anything; for a page
built from shared fragments (portal/fragments.py) they were most of its queries. The route (the
site, the specific page and the route's arguments) is kept in the shared cache under the content
generation of the page cache, so a publish, unpublish, move or any change to a public page's data
finds the page afresh at once, and for FRAGMENT_CACHE_SECONDS at most (0: off).

Only GET and HEAD requests use it, and only routes found (a 404 is looked up each time); then
Wagtail's own view serves the page as always (view restrictions, serve hooks).
"""

import logging

from django.core.cache import cache
from django.http import Http404, HttpResponseRedirect
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from . import fragments, languages

logger = logging.getLogger(__name__)

PREFIX = "portal:route"


def _key(request, path):
    # The language too: Wagtail routes from the root page in the active language (`localized`).
    language = translation.get_language() or ""
    return f"{PREFIX}:{fragments.request_generation(request)}:{language}:{request.get_host()}:{path}"


def serve(request, path):
    if request.method not in ("GET", "HEAD") or fragments.cache_seconds() <= 0:
        return _serve_in_language(request, path, route_for_request(request, path))
    try:
        key = _key(request, path)
        found = cache.get(key)
    except Exception:  # the cache server is away: route as Wagtail does
        logger.warning("Route cache unavailable", exc_info=True)
        return wagtail_views.serve(request, path)
    if found is not None:
        # What Site.find_for_request and Page.route_for_request keep on the request.
        request._wagtail_site, request._wagtail_route_for_request = found
        return _serve_in_language(request, path, found[1])
    # Found as Wagtail's view would (kept on the request, where the view then reads it), and kept
    # before the page serves, so that nothing a rendering leaves on the page object is stored.
    route = route_for_request(request, path)
    if route is not None:
        try:
            cache.set(key, (Site.find_for_request(request), route), fragments.cache_seconds())
        except Exception:  # an unpicklable route, or the cache server is away: found each time
            logger.warning("Route not kept", exc_info=True)
    return _serve_in_language(request, path, route)


def route_for_request(request, path):
    """Wagtail's route, from the home page in the active language; where that language's tree
    has no page at `path`, the default language's page there (served as below)."""
    route = Page.route_for_request(request, path)
    if route is None and translation.get_language() != languages.default_language():
        site = Site.find_for_request(request)
        if site is not None:
            try:
                route = site.root_page.specific.route(request, [part for part in path.split("/") if part])
            except Http404:
                route = None
            request._wagtail_route_for_request = route
    return route


def _serve_in_language(request, path, route):
    """A page whose content is in another language than the address's (no translation in this
    one): its translation when there is one, elsewhere in the tree; else the page as it is, its
    content marked with its own language (the interface stays in the address's), and no
    hreflang claims it is in this language (portal/languages.py lists live translations only)."""
    language = translation.get_language()
    if route is not None and language != languages.default_language() and request.method in ("GET", "HEAD"):
        page = route[0]
        content_language = page.locale.language_code
        if content_language != language:
            translated = languages.live_translation(page, language)
            if translated is not None and (url := translated.get_url(request=request)):
                return HttpResponseRedirect(url)
            request.content_language = content_language
    return wagtail_views.serve(request, path)
