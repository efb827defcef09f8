"""The portal's four languages: which one a request is in, and where the same page is in another.

English keeps every address without a prefix; French, Spanish and Arabic live under /fr/, /es/
and /ar/ (portal/urls.py, `i18n_patterns(prefix_default_language=False)`), so the address alone
says the language and a cached page never mixes two. The only guess is the first visit to `/`:
FirstVisitLanguageMiddleware sends it to the language Accept-Language prefers, once; after that
the visitor's choice (the language cookie the switcher sets) decides.

A page's alternates are its Wagtail translations where the page is a Wagtail page, the same
address under the other prefix for the portal's own views (jobs, the checker, the areas), and
for a page with no translation the language's home page, which the switcher marks as such.
"""

import contextlib
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.urls import translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.models import Locale, Page

from . import fragments, page_cache

# The query parameter the switcher adds when it had to fall back to the language's home page.
UNTRANSLATED_PARAMETER = "untranslated"


LOCALES_KEY = "portal:locale-ids"


def locale_ids():
    """{language code: Wagtail locale id}, from the shared cache (locales change about never;
    saving or deleting one forgets it, portal/apps.py): routing a page costs no locale query."""
    try:
        found = cache.get(LOCALES_KEY)
    except Exception:  # the cache server is away: read them
        found = None
    if found is None:
        found = dict(Locale.objects.values_list("language_code", "pk"))
        with contextlib.suppress(Exception):
            cache.set(LOCALES_KEY, found, 24 * 60 * 60)
    return found


def forget_locales(**kwargs):
    with contextlib.suppress(Exception):
        cache.delete(LOCALES_KEY)


def localised_root(page):
    """`page` (a site's root) in the active language, as its specific page: its live translation,
    else itself.

    What Wagtail's `Page.localized.specific` does, in as many queries in French as in English:
    the active locale from `locale_ids()`, and which page is the root's translation from the shared
    cache under the content generation (a publish or unpublish finds it afresh).
    """
    locale_id = locale_ids().get(supported(translation.get_language()) or "")
    if locale_id is None or locale_id == page.locale_id:
        return page.specific
    key = f"portal:localised-root:{page_cache.generation()}:{page.translation_key}:{locale_id}"
    try:
        found = cache.get(key)
    except Exception:  # the cache server is away: look it up
        found = None
    if found is not None:
        label, pk = found
        translated = apps.get_model(label).objects.filter(pk=pk, live=True).first() if pk else None
        return translated or page.specific
    translated = Page.objects.filter(
        translation_key=page.translation_key, locale_id=locale_id, live=True
    ).first()
    translated = translated.specific if translated is not None else None
    with contextlib.suppress(Exception):
        cache.set(
            key,
            (
                translated._meta.label if translated else "wagtailcore.Page",
                translated.pk if translated else 0,
            ),
        )
    return translated or page.specific


def codes():
    return [code for code, _name in settings.LANGUAGES]


def default_language():
    return translation.get_supported_language_variant(settings.LANGUAGE_CODE)


def supported(code):
    """The portal's code for `code` ("en" and "en-GB" are English), or None."""
    try:
        return translation.get_supported_language_variant(code or "")
    except LookupError:
        return None


def is_right_to_left(code):
    return translation.get_language_info(code)["bidi"]


def hreflang(code):
    """The code search engines read in hreflang: `en-GB`, `fr`."""
    language, _, region = code.partition("-")
    return f"{language}-{region.upper()}" if region else language


def language_of_path(path):
    """The language an address is served in: its prefix, or English without one."""
    return translation.get_language_from_path(path) or default_language()


def _page_addresses(request, page):
    """{language: (address, translated)} of `page` in every language, from one query.

    The page's live translations, and for each language without one its home page (the live
    page at depth 2 in that locale). Kept in the shared cache under the content generation, as
    routes are (portal/serving.py), so a publish or unpublish shows at once.
    """
    known = request.__dict__.setdefault("_portal_alternates", {})
    if page.translation_key not in known:
        known[page.translation_key] = _find_page_addresses(request, page)
    return known[page.translation_key]


def _find_page_addresses(request, page):
    key = f"portal:alternates:{fragments.request_generation(request)}:{request.get_host()}:{page.translation_key}"
    use_cache = fragments.cache_seconds() > 0
    if use_cache:
        try:
            found = cache.get(key)
        except Exception:  # the cache server is away: found each time
            use_cache, found = False, None
        if found is not None:
            return found
    rows = (
        Page.objects.filter(Q(translation_key=page.translation_key) | Q(depth=2), live=True)
        .select_related("locale")
        .order_by("path")
    )
    translations, homes = {}, {}
    for row in rows:
        code = supported(row.locale.language_code)
        if row.translation_key == page.translation_key:
            translations[code] = row
        elif row.depth == 2:
            homes.setdefault(code, row)
    found = {}
    for code in codes():
        target = translations.get(code) or homes.get(code)
        url = None
        if target is not None:
            with translation.override(code):
                url = target.get_url(request=request)
        found[code] = (url or localise_path("/", code), code in translations)
    if use_cache:
        with contextlib.suppress(Exception):  # the cache server is away: found again next time
            cache.set(key, found, fragments.cache_seconds())
    return found


def live_translation(page, code):
    """The live translation of `page` in `code` other than itself, or None."""
    locale_id = locale_ids().get(code)
    if locale_id is None or page.locale_id == locale_id:
        return None
    return (
        Page.objects.filter(translation_key=page.translation_key, locale_id=locale_id, live=True)
        .exclude(pk=page.pk)
        .first()
    )


def alternate(request, code, page=None):
    """(address, translated) of what the visitor is looking at, in language `code`.

    A Wagtail page: its live translation's address, or the language's home page when it has none
    (translated False). Anything else: the same address under the language's prefix.
    """
    if page is not None and getattr(page, "pk", None) and getattr(page, "translation_key", None):
        return _page_addresses(request, page)[code]
    return translate_url(request.get_full_path(), code), True


def alternates(request, page=None):
    """Every language with its address for the page shown: the switcher and hreflang read them."""
    current = translation.get_language()
    found = []
    for code, name in settings.LANGUAGES:
        url, translated = alternate(request, code, page)
        found.append(
            {
                "code": code,
                "hreflang": hreflang(code),
                "name": name,
                "url": url,
                "translated": translated,
                "current": code == current,
                "bidi": is_right_to_left(code),
            }
        )
    return found


def switch_address(code, next_path):
    """The switcher's link: sets the visitor's choice, then goes to `next_path` in `code`."""
    return f"/language/{code}/?{urlencode({'next': next_path})}"


def switch(request, code):
    """Keep the visitor's choice and go to the page they were on in that language.

    `next` is the address in the language they left (the switcher's link carries it, already
    translated by `alternates`); only addresses on this site are followed.
    """
    language = supported(code)
    target = request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False):
        target = "/"
    if language is None:
        language = language_of_path(target)
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    response["Cache-Control"] = "no-store"
    return response


class AddressLanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, without `Vary: Accept-Language` on English addresses.

    Django adds it to every address without a prefix because, when English had a prefix too, such
    an address could be answered in the browser's language. Here an address without a prefix is
    always English, so the header would only split every cache (ours and the browsers') into one
    copy per Accept-Language; `/`, the one address that does follow it, says so itself
    (FirstVisitLanguageMiddleware).
    """

    # Addresses outside the language prefixes that do answer in the browser's language.
    NEGOTIATED = ("/api/",)

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if request.path_info.startswith(self.NEGOTIATED):
            return response
        vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
        kept = [v for v in vary if v.lower() != "accept-language"]
        if len(kept) != len(vary):
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response


class FirstVisitLanguageMiddleware:
    """The first visit to `/` goes to the home page in the language Accept-Language prefers.

    Only `/`: a shared link to any other address shows that address in its own language. Only
    the first visit: a visitor who chose a language with the switcher (the language cookie) or
    signed in with a language in their account keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and request.path_info == "/":
            chosen = supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
            wanted = chosen or supported(_accept_language_choice(request))
            if wanted and wanted != default_language():
                response = HttpResponseRedirect(f"/{wanted}/")
                patch_vary_headers(response, ("Accept-Language", "Cookie"))
                response["Cache-Control"] = "private, no-cache"
                return response
            response = self.get_response(request)
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
            return response
        return self.get_response(request)


def _accept_language_choice(request):
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for accept_lang, _quality in parse_accept_lang_header(header):
        if accept_lang == "*":
            return None
        language = supported(accept_lang)
        if language:
            return language
    return None


def localise_path(path, code=None):
    """`path`, an address of the English site ("/stories/"), under the prefix of `code` (default:
    the active language): "/fr/stories/". English addresses have no prefix."""
    code = supported(code or translation.get_language()) or default_language()
    if not path.startswith("/"):
        return path
    if translation.get_language_from_path(path):  # already in a language: that one is replaced
        path = "/" + path.split("/", 2)[2]
    if code == default_language():
        return path
    return f"/{code}{path}"
