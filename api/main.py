"""The open data API at /api/v1/: one NinjaAPI, its routers, and errors as JSON a client can read."""

import json

from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import ValidationError
from ninja.responses import NinjaJSONEncoder

from portal.addresses import absolute_url

from . import employers, impact, jobs, pages
from .schemas import Error, IndexOut

MAX_MESSAGE = 300

DESCRIPTION = """Public, read-only data of the Second Chance Portal: published fair-chance jobs,
employers with a public hiring pledge, published success stories and campaigns, and the public
impact figures. No key needed; every origin may read it (CORS). Lists are paged (`page`,
`page_size` up to 100) and carry absolute `next` and `previous` links; a `page` past the last one
is refused with 422 naming `page` (an empty list has one page, empty). Answers carry an `ETag`:
send it back in `If-None-Match` to get 304 when nothing changed. Each address is limited per
client address; past the limit the answer is 429 with `Retry-After` in seconds. Nothing about any
person who uses the portal's programmes is ever part of this data."""


class OpenDataAPI(NinjaAPI):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._documents = {}  # path prefix → the OpenAPI document as JSON text

    def get_openapi_operation_id(self, operation):
        return operation.view_func.__name__  # "list_jobs", not "api_jobs_list_jobs"

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        """The document, built once per process (60 ms each time otherwise); a fresh copy per call."""
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        if path_prefix not in self._documents:
            document = super().get_openapi_schema(path_prefix=path_prefix)
            self._documents[path_prefix] = json.dumps(document, cls=NinjaJSONEncoder)
        return json.loads(self._documents[path_prefix])


api = OpenDataAPI(
    title="Second Chance Portal open data",
    version="1",
    description=DESCRIPTION,
    docs_url=None,  # the docs are a page of the site (api.docs), served without any CDN
    urls_namespace="api",
)
api.add_router("", jobs.router)
api.add_router("", employers.router)
api.add_router("", pages.router)
api.add_router("", impact.router)


def _parameter(location):
    # ninja reports ("query", "filters", "page") for fields of a query schema, ("path", "slug") else.
    names = [str(part) for part in location if part not in ("query", "path", "filters")]
    return names[0] if names else ".".join(str(part) for part in location)


def _message(error):
    if error.get("type") == "enum" and len(error.get("msg", "")) > MAX_MESSAGE:
        # Such as the 200-odd regions: the documentation lists them, the message need not.
        return _("%(value)r is not one of the values this parameter takes (see the documentation).") % {
            "value": error.get("input")
        }
    return error.get("msg", "")


@api.exception_handler(ValidationError)
def invalid_parameters(request, exc):
    errors = [
        {"parameter": _parameter(error.get("loc", ())), "message": _message(error)} for error in exc.errors
    ]
    names = ", ".join(sorted({error["parameter"] for error in errors}))
    detail = _("Invalid value for: %(names)s.") % {"names": names}
    return api.create_response(request, {"detail": detail, "errors": errors}, status=422)


@api.get("/", response={200: IndexOut, 429: Error}, url_name="index", summary="What this API offers")
def index(request):
    """Links to the documentation, the OpenAPI document and every list."""

    def link(name):
        return absolute_url(reverse(f"api:{name}"))

    return {
        "title": api.title,
        "docs": link("docs"),
        "openapi": link("openapi-json"),
        "endpoints": {name: link(name) for name in ("jobs", "employers", "stories", "campaigns", "impact")},
    }
