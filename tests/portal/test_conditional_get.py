"""Public pages, feeds and the sitemap answer conditional requests with 304, as a client would send them.

Each test sends what curl or a feed reader sends back: the ETag it was given in `If-None-Match`
(strong, or weak `W/"..."` after gzip or a compressing proxy), or `Last-Modified` in
`If-Modified-Since`.
"""

import pytest
from django.test import Client

from tests.jobs.factories import JobListingFactory
from tests.stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip"}


@pytest.fixture
def site(home, story_index, settings):
    settings.PAGE_CACHE_SECONDS = 60
    story = StoryPageFactory(parent=story_index, title="Sam found a kitchen job")
    job = JobListingFactory(title="Night baker")
    # A job page carries the report form's CSRF token, different on every answer: it is rendered
    # afresh each time, like every page with a form (portal/page_cache.py).
    return {"story": story.url, "job": job.get_absolute_url()}


ADDRESSES = ["/", "/jobs/", "/jobs/feed/", "/stories/feed/", "/sitemap.xml", "/pledge-wall/", "/robots.txt"]


@pytest.mark.parametrize("address", [*ADDRESSES, "story"])
def test_if_none_match_answers_304_with_an_empty_body(site, address):
    address = site.get(address, address)
    first = Client().get(address)
    assert first.status_code == 200
    etag = first["ETag"]
    again = Client().get(address, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304, address
    assert again.content == b""
    assert again["ETag"] == etag


@pytest.mark.parametrize("address", ["/", "/jobs/", "/jobs/feed/", "/sitemap.xml", "story"])
def test_a_gzipped_answer_has_a_weak_etag_that_matches_again(site, address):
    address = site.get(address, address)
    first = Client().get(address, **GZIP)
    assert first["Content-Encoding"] == "gzip"
    etag = first["ETag"]
    assert etag.startswith('W/"')
    assert Client().get(address, HTTP_IF_NONE_MATCH=etag, **GZIP).status_code == 304
    # The same tag without compression (a proxy that decompresses) still matches: weak comparison.
    assert Client().get(address, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_the_feed_answers_if_modified_since(site):
    first = Client().get("/jobs/feed/")
    modified = first["Last-Modified"]
    assert Client().get("/jobs/feed/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    assert (
        Client().get("/jobs/feed/", HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT").status_code == 200
    )


def test_a_change_answers_200_with_a_new_etag(site):
    etag = Client().get("/jobs/")["ETag"]
    JobListingFactory(title="Morning baker")
    changed = Client().get("/jobs/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert b"Morning baker" in changed.content


def test_a_stale_etag_gets_the_page(site):
    response = Client().get("/jobs/", HTTP_IF_NONE_MATCH='"not-the-tag"')
    assert response.status_code == 200
    assert b"Night baker" in response.content
