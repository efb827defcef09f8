"""A URL configuration for tests/portal/test_page_cache.py: the site, plus two pages whose
content depends on the request the way translated and negotiated pages will."""

from django.http import HttpResponse
from django.urls import include, path
from django.utils import translation
from django.utils.cache import patch_vary_headers


def language_page(request):
    return HttpResponse(f"<p>language: {translation.get_language()}</p>")


def varying_page(request):
    response = HttpResponse(f"<p>variant: {request.headers.get('X-Variant', 'plain')}</p>")
    patch_vary_headers(response, ["X-Variant"])
    return response


urlpatterns = [
    path("language-test/", language_page),
    path("vary-test/", varying_page),
    path("", include("portal.urls")),
]
