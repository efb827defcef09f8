"""Issue 14, item 5: answers from the page cache skipped the API's rate limit and conditional
requests: 140 identical GET /api/v1/jobs in a minute all answered 200 (limit 120), and
If-None-Match with the current ETag answered 200 with X-Page-Cache: hit."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60
    settings.API_RATE_LIMIT = "120/m"


def test_the_rate_limit_applies_to_cached_answers():
    client = Client()
    responses = [client.get("/api/v1/jobs") for _ in range(140)]
    codes = [response.status_code for response in responses]
    assert codes == [200] * 120 + [429] * 20
    assert responses[1].headers.get("X-Page-Cache") == "hit"  # the cache is on and answering
    assert responses[-1]["Retry-After"] == "60"
    assert responses[-1]["Access-Control-Allow-Origin"] == "*"


def test_a_conditional_get_with_the_current_etag_gets_304_from_the_cache():
    client = Client()
    first = client.get("/api/v1/jobs")
    etag = first["ETag"]
    assert client.get("/api/v1/jobs").headers.get("X-Page-Cache") == "hit"
    again = client.get("/api/v1/jobs", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    other = client.get("/api/v1/jobs", HTTP_IF_NONE_MATCH='"something-else"')
    assert other.status_code == 200 and other.content == first.content
