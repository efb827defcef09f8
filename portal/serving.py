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
    without a locale query (portal/languages.py); where that language's tree has no page at
    `path`, the default language's page there (served as `_serve_in_language` says). Kept on the
    request where Wagtail reads it."""
    if not hasattr(request, "_wagtail_route_for_request"):
        found = None
        site = Site.find_for_request(request)
        if site is not None:
            components = [component for component in path.split("/") if component]
            root = languages.localised_root(site.root_page)
            try:
                found = root.route(request, components)
            except Http404:
                found = None
            if found is None and root.pk != site.root_page.pk:
                try:
                    found = site.root_page.specific.route(request, components)
                except Http404:
                    found = None
        request._wagtail_route_for_request = found
    return request._wagtail_route_for_request


def serve(request, path):
    if request.method not in ("GET", "HEAD"):
        return wagtail_views.serve(request, path)
    if fragments.cache_seconds() <= 0:
        return _serve_in_language(request, path, route(request, path))
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
    found = route(request, path)
    if found is not None:
        try:
            cache.set(key, (Site.find_for_request(request), found), fragments.cache_seconds())
        except Exception:  # an unpicklable route, or the cache server is away: found each time
            logger.warning("Route not kept", exc_info=True)
    return _serve_in_language(request, path, found)


def _serve_in_language(request, path, route):
    """A page whose content is in another language than the address's (no translation in this
    one): its translation when there is one, elsewhere in the tree; else the page as it is, its
    content marked with its own language (the interface stays in the address's), and no
    hreflang claims it is in this language (portal/languages.py lists live translations only)."""
    language = translation.get_language()
    if route is not None and language != languages.default_language() and request.method in ("GET", "HEAD"):
        page = route[0]
        codes_by_locale = {pk: code for code, pk in languages.locale_ids().items()}
        content_language = codes_by_locale.get(page.locale_id, language)
        if content_language != language:
            translated = languages.live_translation(page, language)
            if translated is not None and (url := translated.get_url(request=request)):
                return HttpResponseRedirect(url)
            request.content_language = content_language
    return wagtail_views.serve(request, path)
