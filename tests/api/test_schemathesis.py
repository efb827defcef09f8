"""Schemathesis against the API's own OpenAPI document: generated requests, valid and invalid, and
every answer checked against the document (no server error, status, content type, schema)."""

import pytest
import schemathesis
from django.core.signals import request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from api.main import api

# The document as /api/v1/openapi.json serves it; requests go to the Django WSGI app in-process.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1/"))
schema.app = get_wsgi_application()


@pytest.fixture
def published(db, settings, board, pages):
    settings.API_RATE_LIMIT = "100000/m"  # the run makes hundreds of requests from one address
    # As Django's test client does: keep the test's transaction open across requests.
    request_started.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)


@schemathesis.check
def only_a_page_past_the_end_refuses_a_well_formed_request(ctx, response, case):
    """A page past the last one is refused with 422, as the document says; no schema can say
    where a list ends, so this stands in for schemathesis's own positive-data check: a
    well-formed request is refused as invalid only for that. (A 404 for an id or slug nobody
    has is an answer the document declares, checked by the status-code conformance check.)"""
    if case.meta is None or not case.meta.generation.mode.is_positive or response.status_code != 422:
        return None
    named = [error.get("parameter") for error in response.json().get("errors", [])]
    assert named == ["page"], f"a well-formed request was refused: {response.text[:300]}"
    return None


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_api_keeps_to_its_document(case, published):
    # The in-process WSGI transport hands back the body as sent and does not undo gzip, as an
    # HTTP client would; the API's compressed answers are checked in tests/portal/test_compression.py.
    case.call_and_validate(
        headers={"Accept-Encoding": "identity"},
        excluded_checks=[positive_data_acceptance],
        additional_checks=[only_a_page_past_the_end_refuses_a_well_formed_request],
    )
