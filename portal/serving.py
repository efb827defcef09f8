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
from django.http import Http404
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Site

from . import fragments, languages

logger = logging.getLogger(__name__)

PREFIX = "portal:route"


def _key(request, path):
    # The language too: Wagtail routes from the root page in the active language (`localized`).
    language = translation.get_language() or ""
    return f"{PREFIX}:{fragments.request_generation(request)}:{language}:{request.get_host()}:{path}"


def route(request, path):
    """Wagtail's `Page.route_for_request`, from the site's root in the active language found
    without a locale query (portal/languages.py); kept on the request where Wagtail reads it."""
    if not hasattr(request, "_wagtail_route_for_request"):
        found = None
        site = Site.find_for_request(request)
        if site is not None:
            components = [component for component in path.split("/") if component]
            try:
                found = languages.localised_root(site.root_page).route(request, components)
            except Http404:
                found = None
        request._wagtail_route_for_request = found
    return request._wagtail_route_for_request


def serve(request, path):
    if request.method not in ("GET", "HEAD"):
        return wagtail_views.serve(request, path)
    if fragments.cache_seconds() <= 0:
        route(request, path)
        return wagtail_views.serve(request, path)
    try:
        key = _key(request, path)
        found = cache.get(key)
    except Exception:  # the cache server is away: route as Wagtail does
        logger.warning("Route cache unavailable", exc_info=True)
        return wagtail_views.serve(request, path)
    if found is not None:
        # What Site.find_for_request and Page.route_for_request keep on the request.
        request._wagtail_site, request._wagtail_route_for_request = found
        return wagtail_views.serve(request, path)
    # Found as Wagtail's view would (kept on the request, where the view then reads it), and kept
    # before the page serves, so that nothing a rendering leaves on the page object is stored.
    found = route(request, path)
    if found is not None:
        try:
            cache.set(key, (Site.find_for_request(request), found), fragments.cache_seconds())
        except Exception:  # an unpicklable route, or the cache server is away: found each time
            logger.warning("Route not kept", exc_info=True)
    return wagtail_views.serve(request, path)
