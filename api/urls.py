"""/api/v1/: the NinjaAPI's addresses and the docs page, each behind the API's one guard (api.http)."""

from django.urls import URLPattern, path, re_path
from django.utils.translation import gettext as _

from .docs import docs
from .http import guarded, json_error
from .main import api

app_name = "api"


def unknown_address(request, rest=""):
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
