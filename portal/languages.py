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

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.models import Locale, Page

# The query parameter the switcher adds when it had to fall back to the language's home page.
UNTRANSLATED_PARAMETER = "untranslated"


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


def _page_in(page, code):
    """The live translation of `page` in `code`, or None."""
    if page is None or not getattr(page, "pk", None):
        return None
    try:
        locale = Locale.objects.get_for_language(code)
    except Locale.DoesNotExist:
        return None
    if page.locale_id == locale.pk:
        return page
    return page.get_translation_or_none(locale) if page.live else None


def live_translation(page, code):
    """The live translation of `page` in `code` other than itself, or None."""
    translated = _page_in(page, code)
    if translated is None or translated.pk == page.pk or not translated.live:
        return None
    return translated


def _home_in(code):
    try:
        locale = Locale.objects.get_for_language(code)
    except Locale.DoesNotExist:
        return None
    root = Page.objects.filter(depth=2, locale=locale, live=True).order_by("path").first()
    return root


def alternate(request, code, page=None):
    """(address, translated) of what the visitor is looking at, in language `code`.

    A Wagtail page: its live translation's address, or the language's home page when it has none
    (translated False). Anything else: the same address under the language's prefix.
    """
    path = request.get_full_path()
    if page is not None and getattr(page, "pk", None):
        translated = _page_in(page, code)
        target = translated or _home_in(code)
        if target is not None:
            with translation.override(code):
                url = target.get_url(request=request)
            if url:
                return url, translated is not None
        return localise_path("/", code), False
    return translate_url(path, code), True


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
    if code == default_language() or not path.startswith("/"):
        return path
    return f"/{code}{path}"
