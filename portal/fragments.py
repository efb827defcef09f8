"""Parts of public pages shared by every visitor, rendered once and reused from the cache.

Logged-in people never get a page from the page cache (portal/page_cache.py), and every page is
rendered again at least once a minute; what costs most in rendering them (story cards, the job
list and its filters, a campaign's blocks, the pledge wall) is the same for everyone. Such a part
is wrapped in `{% shared_fragment "name" key... %}…{% endshared_fragment %}` (portal/templatetags/
fragments.py) and kept in the shared cache under:

- the content generation of the page cache (`page_cache.generation()`), so that a publish, an
  edit or anything else that drops the cached pages drops the fragments at the same moment;
- the active language, the fragment's name and the values it names (a page's id, the query
  string...);
- for FRAGMENT_CACHE_SECONDS at most (60 by default; 0 switches fragments off), so that what
  changes with the date (a campaign's phase, a job past its closing date) follows within a minute,
  as with the page cache.

Never wrap anything that belongs to one visitor (the account links, a form with its CSRF token,
messages): a fragment whose HTML carries a CSRF token is rendered but never stored.
"""

import functools
import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from . import page_cache

logger = logging.getLogger(__name__)

PREFIX = "portal:fragment"


def cache_seconds():
    return getattr(settings, "FRAGMENT_CACHE_SECONDS", 60)


def request_generation(request):
    """The content generation, read once per request (every fragment of a page shares it)."""
    if request is None:
        return page_cache.generation()
    generation = getattr(request, "_content_generation", None)
    if generation is None:
        generation = request._content_generation = page_cache.generation()
    return generation


def fragment_key(request, name, parts):
    digest = hashlib.sha256(
        repr([str(part) for part in parts]).encode("utf-8", "surrogateescape")
    ).hexdigest()
    language = translation.get_language() or ""
    return f"{PREFIX}:{request_generation(request)}:{language}:{name}:{digest}"


def lazy(function):
    """A context value computed once, the first time a template reads it (templates call what
    is callable), and never when the fragment showing it comes from the cache."""
    return functools.cache(function)


def lazy_context(function, names):
    """{name: lazy value} for each of `names`, all read from one call of `function()` (a dict),
    made the first time a template reads any of them."""
    values = lazy(function)
    return {name: lazy(lambda name=name: values()[name]) for name in names}


def query_key(request):
    """The query string as a fragment's key part: the same filters in the same order, one entry."""
    return request.GET.urlencode()


def _personal(html, request):
    if "csrfmiddlewaretoken" in html:
        return True
    token = request is not None and request.META.get("CSRF_COOKIE")
    return bool(token) and token in html


def shared(request, name, parts, render):
    """The HTML of fragment `name` for `parts`: from the cache, else `render()` (and stored)."""
    if cache_seconds() <= 0:
        return render()
    try:
        key = fragment_key(request, name, parts)
        html = cache.get(key)
    except Exception:  # the cache server is away: render, as without fragments
        logger.warning("Fragment cache unavailable", exc_info=True)
        return render()
    if html is not None:
        return html
    html = render()
    if not _personal(html, request):
        try:
            cache.set(key, str(html), cache_seconds())
        except Exception:
            logger.warning("Fragment cache unavailable; fragment not kept", exc_info=True)
    return html
