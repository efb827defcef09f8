"""Anonymous public pages are gzip'd; nothing that carries a secret is (BREACH)."""

import gzip

import pytest
from django.http import HttpResponse
from django.test import Client

from portal.compression import PublicPageGZipMiddleware
from tests.campaigns.factories import LiveCampaignPageFactory
from tests.campaigns.test_pledges import link_in, pledge_data
from tests.employers.test_area import employer_with, verified_user
from tests.stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def is_gzipped(response):
    return response.get("Content-Encoding") == "gzip"


def test_the_anonymous_home_page_is_gzipped(home):
    plain = Client().get("/")
    response = Client().get("/", **GZIP)
    assert response.status_code == 200
    assert is_gzipped(response)
    assert "Accept-Encoding" in response["Vary"]
    assert gzip.decompress(response.content) == plain.content
    assert len(response.content) < len(plain.content)


def test_without_accept_encoding_the_page_is_plain(home):
    response = Client().get("/")
    assert not is_gzipped(response)
    assert b"<html" in response.content


def test_a_cached_page_is_gzipped_for_one_client_and_plain_for_another(home, story_index, settings):
    settings.PAGE_CACHE_SECONDS = 60
    story = StoryPageFactory(parent=story_index, title="Sam found a kitchen job")
    first = Client().get(story.url, **GZIP)
    second = Client().get(story.url)
    third = Client().get(story.url, **GZIP)
    assert first["X-Page-Cache"] == "miss" and is_gzipped(first)
    assert second["X-Page-Cache"] == "hit" and not is_gzipped(second)
    assert b"Sam found a kitchen job" in second.content
    assert third["X-Page-Cache"] == "hit" and is_gzipped(third)
    assert gzip.decompress(third.content) == second.content


def test_a_logged_in_employers_dashboard_is_not_compressed(home):
    owner = verified_user()
    employer_with(owner)
    client = Client()
    client.force_login(owner)
    response = client.get("/employer/", **GZIP)
    assert response.status_code == 200
    assert not is_gzipped(response)
    assert "Fair Foods Ltd" in response.content.decode()


def test_a_public_page_read_by_a_logged_in_person_is_not_compressed(home):
    client = Client()
    client.force_login(verified_user())
    response = client.get("/", **GZIP)
    assert response.status_code == 200
    assert not is_gzipped(response)


def test_a_page_with_a_csrf_token_is_not_compressed(home):
    response = Client().get("/accounts/login/", **GZIP)
    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" in response.content
    assert not is_gzipped(response)


def test_a_request_carrying_a_session_cookie_is_not_compressed(home, settings):
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = "some-session"
    assert not is_gzipped(client.get("/", **GZIP))


def test_a_pledge_confirmation_link_page_is_not_compressed(campaign_index, mailoutbox):
    campaign = LiveCampaignPageFactory(parent=campaign_index, title="Yellow Ribbon")
    client = Client()
    assert client.post(f"{campaign.url}pledge/", pledge_data()).status_code == 302
    confirm_url = link_in(mailoutbox[0], "confirm")
    response = Client().get(confirm_url, **GZIP)
    assert response.status_code == 200
    assert not is_gzipped(response)
    assert "Confirm my pledge" in response.content.decode()


def test_a_page_marked_private_is_not_compressed(rf):
    request = rf.get("/", **GZIP)
    response = HttpResponse("<p>" + "Only for you. " * 50 + "</p>", headers={"Cache-Control": "private"})
    assert not is_gzipped(PublicPageGZipMiddleware(lambda _: response)(request))
    public = HttpResponse("<p>" + "For everyone. " * 50 + "</p>")
    assert is_gzipped(PublicPageGZipMiddleware(lambda _: public)(rf.get("/", **GZIP)))


def test_the_open_data_api_answers_gzip_that_decodes_to_its_json(home):
    plain = Client().get("/api/v1/openapi.json")
    response = Client().get("/api/v1/openapi.json", **GZIP)
    assert response.status_code == 200
    assert is_gzipped(response)
    assert gzip.decompress(response.content) == plain.content
