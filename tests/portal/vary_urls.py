"""A URL configuration for tests/portal/test_page_cache.py: the site, plus two pages whose
content depends on the request the way translated and negotiated pages will."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import path
from django.utils import translation
from django.utils.cache import patch_vary_headers


def language_page(request):
    return HttpResponse(f"<p>language: {translation.get_language()}</p>")


def varying_page(request):
    response = HttpResponse(f"<p>variant: {request.headers.get('X-Variant', 'plain')}</p>")
    patch_vary_headers(response, ["X-Variant"])
    return response


from portal.urls import urlpatterns as site_patterns  # noqa: E402  (the site after the test pages)

urlpatterns = [
    path("vary-test/", varying_page),
    *i18n_patterns(path("language-test/", language_page), prefix_default_language=False),
    *site_patterns,
]
