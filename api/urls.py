"""/api/v1/: the NinjaAPI's addresses and the docs page, each behind the API's one guard (api.http)."""

from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, URLPattern, path, re_path, resolve
from django.utils.translation import gettext as _

from .docs import docs
from .http import guarded, json_error
from .main import api

app_name = "api"


def _without_trailing_slash(request):
    """The address without its trailing slash, when that is an address of the API; else None."""
    if not request.path_info.endswith("/"):
        return None
    target = request.path_info.rstrip("/")
    try:
        match = resolve(target)
    except Resolver404:
        return None
    if match.namespace != app_name or match.url_name == "unknown":
        return None
    return request.path.rstrip("/")


def unknown_address(request, rest=""):
    # "/api/v1/jobs/" is a common way to write "/api/v1/jobs": send the client there, query kept.
    target = _without_trailing_slash(request)
    if target:
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)
    return json_error(404, _("There is no such address in the open data API. The list is at /api/v1/docs."))


ninja_patterns, _app, _namespace = api.urls

urlpatterns = [
    path("docs", guarded(docs), name="docs"),
    *(
        URLPattern(pattern.pattern, guarded(pattern.callback), pattern.default_args, pattern.name)
        for pattern in ninja_patterns
    ),
    # Last: any other address under /api/v1/ answers in JSON too, not with the site's HTML 404.
    re_path(r"^(?P<rest>.*)$", guarded(unknown_address), name="unknown"),
]
