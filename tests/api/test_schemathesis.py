"""Schemathesis against the API's own OpenAPI document: generated requests, valid and invalid, and
every answer checked against the document (no server error, status, content type, schema)."""

import pytest
import schemathesis
from django.core.signals import request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

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
    case.call_and_validate(headers={"Accept-Encoding": "identity"})
