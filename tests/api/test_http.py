"""What every address of the API does: paging, conditional GET, rate limits, CORS, methods, errors."""

import pytest
from django.test import override_settings

from tests.api.conftest import assert_conforms
from tests.employers.factories import JobListingFactory

pytestmark = pytest.mark.django_db

ADDRESSES = ["/api/v1/", "/api/v1/jobs", "/api/v1/employers", "/api/v1/stories", "/api/v1/campaigns"]


def test_pages_carry_count_and_links_that_keep_the_filters(client, board):
    JobListingFactory.create_batch(4, employer=board["employer"], sector="F")
    first = client.get("/api/v1/jobs", {"sector": "F", "page_size": 2}).json()
    assert (first["count"], first["page"], first["num_pages"], first["previous"]) == (6, 1, 3, None)
    assert len(first["results"]) == 2
    assert first["next"] == "http://testserver/api/v1/jobs?sector=F&page_size=2&page=2"
    second = client.get(first["next"]).json()
    assert second["previous"] == "http://testserver/api/v1/jobs?sector=F&page_size=2&page=1"
    third = client.get(second["next"]).json()
    assert third["next"] is None
    seen = [job["id"] for page in (first, second, third) for job in page["results"]]
    assert len(set(seen)) == 6, "every job once across the pages"


def test_page_size_has_a_maximum(client, openapi, board):
    response = client.get("/api/v1/jobs", {"page_size": 101})
    assert response.status_code == 422
    assert_conforms(openapi, "/api/v1/jobs", response)
    assert response.json()["errors"] == [
        {"parameter": "page_size", "message": "Input should be less than or equal to 100"}
    ]
    assert client.get("/api/v1/employers", {"page_size": 100}).status_code == 200


@pytest.mark.parametrize(
    "url, parameter",
    [
        ("/api/v1/jobs?page=0", "page"),
        ("/api/v1/jobs?page=two", "page"),
        ("/api/v1/jobs?sector=Z", "sector"),
        ("/api/v1/jobs?region=XX-NOPE", "region"),
        ("/api/v1/jobs?sort=cheapest", "sort"),
        ("/api/v1/jobs?posted_within=3", "posted_within"),
        ("/api/v1/jobs/not-a-number", "job_id"),
        ("/api/v1/jobs/99999999999999999999", "job_id"),
        ("/api/v1/employers?size=huge", "size"),
        ("/api/v1/stories?programme_type=nothing", "programme_type"),
        ("/api/v1/campaigns?page_size=-1", "page_size"),
    ],
)
def test_bad_parameters_answer_422_with_a_clear_message(client, db, url, parameter):
    response = client.get(url)
    assert response.status_code == 422
    body = response.json()
    assert parameter in body["detail"]
    assert [error["parameter"] for error in body["errors"]] == [parameter]
    assert all(error["message"] for error in body["errors"])
    assert len(response.content) < 2000, "a long list of allowed values is left to the docs"


def test_conditional_get_answers_304_until_something_changes(client, board):
    first = client.get("/api/v1/jobs")
    etag = first["ETag"]
    assert etag and first["Cache-Control"].startswith("public")
    again = client.get("/api/v1/jobs", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again["Cache-Control"].startswith("public")
    assert again["Access-Control-Allow-Origin"] == "*"
    JobListingFactory(employer=board["employer"], title="A new job")
    changed = client.get("/api/v1/jobs", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    for url in ADDRESSES[2:]:
        tag = client.get(url)["ETag"]
        assert client.get(url, HTTP_IF_NONE_MATCH=tag).status_code == 304, url


@override_settings(API_RATE_LIMIT="3/m")
def test_rate_limited_per_address_with_retry_after(client, db):
    for _ in range(3):
        assert client.get("/api/v1/stories", REMOTE_ADDR="198.51.100.1").status_code == 200
    refused = client.get("/api/v1/campaigns", REMOTE_ADDR="198.51.100.1")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert refused["Access-Control-Allow-Origin"] == "*"
    assert "Wait 60 seconds" in refused.json()["detail"]
    # Another client is not held back by the first.
    assert client.get("/api/v1/stories", REMOTE_ADDR="198.51.100.2").status_code == 200


def test_cors_open_for_reading(client, board):
    for url in [*ADDRESSES, "/api/v1/openapi.json", "/api/v1/jobs/999999"]:
        response = client.get(url, HTTP_ORIGIN="https://data.example.net")
        assert response["Access-Control-Allow-Origin"] == "*", url
    preflight = client.options(
        "/api/v1/jobs",
        HTTP_ORIGIN="https://data.example.net",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert preflight["Access-Control-Allow-Methods"] == "GET"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writing_is_refused_with_405(client, board, method):
    for url in ["/api/v1/jobs", f"/api/v1/jobs/{board['jobs'][0].pk}", "/api/v1/employers"]:
        response = getattr(client, method)(url, data={}, content_type="application/json")
        assert response.status_code == 405, url
        assert response["Allow"] == "GET, HEAD, OPTIONS"
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "read-only" in response.json()["detail"]
    assert client.get("/api/v1/jobs").json()["count"] == 3  # nothing changed


def test_head_answers_like_get_without_a_body(client, board):
    get = client.get("/api/v1/jobs")
    head = client.head("/api/v1/jobs")
    assert head.status_code == 200
    assert head["ETag"] == get["ETag"]
    assert head.content == b""


def test_unknown_addresses_answer_404_in_json(client, db):
    for url in ["/api/v1/nothing-here", "/api/v1/jobs/1/extra", "/api/v1/graduates"]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "/api/v1/docs" in response.json()["detail"]
        assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    ("url", "location"),
    [
        ("/api/v1/jobs/", "/api/v1/jobs"),
        ("/api/v1/jobs/?page=2&q=baker", "/api/v1/jobs?page=2&q=baker"),
        ("/api/v1/jobs/7/", "/api/v1/jobs/7"),
        ("/api/v1/employers/", "/api/v1/employers"),
        ("/api/v1/employers/some-employer/", "/api/v1/employers/some-employer"),
        ("/api/v1/stories/", "/api/v1/stories"),
        ("/api/v1/campaigns/", "/api/v1/campaigns"),
        ("/api/v1/impact/", "/api/v1/impact"),
        ("/api/v1/docs/", "/api/v1/docs"),
        ("/api/v1/openapi.json/", "/api/v1/openapi.json"),
    ],
)
def test_a_trailing_slash_redirects_to_the_address(client, db, url, location):
    response = client.get(url)
    assert response.status_code == 301
    assert response["Location"] == location


def test_a_trailing_slash_on_an_unknown_address_is_still_404(client, db):
    for url in ["/api/v1/nothing-here/", "/api/v1/graduates/", "/api/v1/jobs/1/extra/"]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "/api/v1/docs" in response.json()["detail"]


def test_a_weak_etag_from_a_compressing_proxy_still_matches(client, board):
    etag = client.get("/api/v1/jobs")["ETag"]
    # nginx's gzip turns "abc" into W/"abc"; the client sends back what it was given.
    assert client.get("/api/v1/jobs", HTTP_IF_NONE_MATCH=f"W/{etag}").status_code == 304
    gzipped = client.get("/api/v1/jobs", HTTP_ACCEPT_ENCODING="gzip")
    assert gzipped["Content-Encoding"] == "gzip" and gzipped["ETag"].startswith('W/"')
    again = client.get("/api/v1/jobs", HTTP_IF_NONE_MATCH=gzipped["ETag"], HTTP_ACCEPT_ENCODING="gzip")
    assert again.status_code == 304
    assert client.get("/api/v1/jobs", HTTP_IF_NONE_MATCH=f'W/"x", {etag}').status_code == 304


@pytest.mark.parametrize(
    "address", ["/api/v1/jobs", "/api/v1/employers", "/api/v1/stories", "/api/v1/campaigns"]
)
def test_a_page_past_the_end_is_refused_not_answered_with_the_last(client, openapi, board, address):
    last = client.get(address, {"page_size": 1}).json()["num_pages"]
    assert client.get(address, {"page_size": 1, "page": last}).status_code == 200
    response = client.get(address, {"page_size": 1, "page": 9999})
    assert response.status_code == 422
    assert_conforms(openapi, address, response)
    body = response.json()
    assert [error["parameter"] for error in body["errors"]] == ["page"]
    assert f"This list has {last} page" in body["errors"][0]["message"]


def test_an_empty_list_has_one_empty_page(client, db):
    body = client.get("/api/v1/stories").json()
    assert (body["count"], body["page"], body["num_pages"], body["results"]) == (0, 1, 1, [])
    assert client.get("/api/v1/stories", {"page": 2}).status_code == 422


def test_the_document_says_what_a_page_past_the_end_gets(openapi):
    parameters = {p["name"]: p for p in openapi["paths"]["/api/v1/jobs"]["get"]["parameters"]}
    assert "422" in parameters["page"]["description"]
    assert "past the last one is refused with 422" in " ".join(openapi["info"]["description"].split())
