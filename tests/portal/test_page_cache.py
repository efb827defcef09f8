"""Anonymous visitors get public pages from the cache; nobody ever gets someone else's page."""

import pytest
from django.core.cache import cache
from django.test import Client

from tests.campaigns.factories import LiveCampaignPageFactory
from tests.employers.factories import JobListingFactory
from tests.portal.factories import UserFactory
from tests.stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


@pytest.fixture
def story(story_index):
    return StoryPageFactory(parent=story_index, title="Sam found a kitchen job")


def anonymous_get(url):
    return Client().get(url)


def cache_state(response):
    return response.headers.get("X-Page-Cache")


def test_a_second_anonymous_visit_is_served_from_the_cache(story):
    first = anonymous_get(story.url)
    second = anonymous_get(story.url)
    assert first.status_code == second.status_code == 200
    assert cache_state(first) == "miss"
    assert cache_state(second) == "hit"
    assert second.content == first.content
    assert b"Sam found a kitchen job" in second.content


def test_publishing_a_change_shows_it_at_once(story):
    anonymous_get(story.url)
    story.title = "Sam runs the pass now"
    story.save_revision().publish()
    response = anonymous_get(story.url)
    assert cache_state(response) == "miss"
    assert b"Sam runs the pass now" in response.content
    assert b"Sam found a kitchen job" not in response.content


def test_an_unpublished_story_disappears_at_once(story):
    assert anonymous_get(story.url).status_code == 200
    story.unpublish()
    assert anonymous_get(story.url).status_code == 404


def test_home_page_lists_a_newly_published_story(home, story_index):
    StoryPageFactory(parent=story_index, title="First story")
    anonymous_get("/")
    StoryPageFactory(parent=story_index, title="A brand new story").save_revision().publish()
    assert b"A brand new story" in anonymous_get("/").content


def test_the_job_board_shows_a_new_listing_at_once(home):
    JobListingFactory(title="Kitchen porter")
    anonymous_get("/jobs/")
    JobListingFactory(title="Forklift driver wanted")
    response = anonymous_get("/jobs/")
    assert b"Forklift driver wanted" in response.content


def test_a_logged_in_person_never_gets_a_cached_page_nor_leaves_one(story):
    person = UserFactory(email="dana.private@example.org", first_name="Dana")
    anonymous_get(story.url)  # the anonymous version is in the cache
    signed_in = Client()
    signed_in.force_login(person)
    theirs = signed_in.get(story.url)
    assert theirs.status_code == 200
    assert cache_state(theirs) is None

    cache.clear()
    signed_in.get(story.url)  # rendered for them: must not be stored for others
    assert cache_state(anonymous_get(story.url)) == "miss"


def test_a_visitor_with_a_message_waiting_is_not_served_from_the_cache(story):
    anonymous_get(story.url)
    visitor = Client()
    visitor.cookies["messages"] = "something-signed"
    assert cache_state(visitor.get(story.url)) is None


def test_a_page_with_a_form_is_never_cached(db):
    # A job page carries the report form, with its CSRF token.
    job = JobListingFactory()
    first = anonymous_get(job.get_absolute_url())
    second = anonymous_get(job.get_absolute_url())
    assert b"csrfmiddlewaretoken" in second.content
    assert cache_state(first) is None and cache_state(second) is None
    # Each visitor gets their own token with the cookie that goes with it.
    assert "csrftoken" in first.cookies and "csrftoken" in second.cookies
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_nothing_stored_carries_a_cookie_or_a_csrf_token(story, campaign_index):
    campaign = LiveCampaignPageFactory(parent=campaign_index)
    for url in ("/", story.url, "/jobs/", "/pledge-wall/", "/stories/", "/campaigns/", campaign.url):
        anonymous_get(url)
        response = anonymous_get(url)
        if cache_state(response) == "hit":
            assert not response.cookies, url
            assert b"csrfmiddlewaretoken" not in response.content, url
    assert cache_state(anonymous_get(story.url)) == "hit"
    # The pledge form posts to /support/pledge/<id>/ without a token, so its page is cached too.
    assert cache_state(anonymous_get(campaign.url)) == "hit"


def test_private_areas_are_never_cached(home):
    anonymous_get("/accounts/login/")
    assert cache_state(anonymous_get("/accounts/login/")) is None


@pytest.mark.parametrize("prefix", ["", "/fr", "/ar"])
def test_private_areas_are_never_cached_in_any_language(home, prefix):
    address = f"{prefix}/accounts/password/reset/done/"
    assert anonymous_get(address).status_code == 200
    assert cache_state(anonymous_get(address)) is None


def test_switched_off_with_zero_seconds(story, settings):
    settings.PAGE_CACHE_SECONDS = 0
    anonymous_get(story.url)
    assert cache_state(anonymous_get(story.url)) is None


@pytest.mark.urls("tests.portal.vary_urls")
def test_a_visitor_in_another_language_never_gets_the_page_cached_in_the_first(home):
    english = Client().get("/language-test/")
    french = Client().get("/fr/language-test/")
    assert b"language: en-gb" in english.content
    assert b"language: fr" in french.content
    assert cache_state(french) == "miss"
    again = Client().get("/fr/language-test/")
    assert cache_state(again) == "hit" and b"language: fr" in again.content


@pytest.mark.urls("tests.portal.vary_urls")
def test_an_address_without_a_prefix_is_english_whatever_the_browser_asks(home):
    """The address decides the language (a shared link shows what its sender saw); the English
    page cached for one visitor is the one a French browser gets at the same address."""
    Client().get("/language-test/")
    french_browser = Client(HTTP_ACCEPT_LANGUAGE="fr").get("/language-test/")
    assert b"language: en-gb" in french_browser.content
    assert cache_state(french_browser) == "hit"


@pytest.mark.urls("tests.portal.vary_urls")
def test_a_response_that_varies_on_a_header_is_cached_per_value_of_that_header(home):
    plain = Client().get("/vary-test/")
    special = Client(HTTP_X_VARIANT="special").get("/vary-test/")
    assert b"variant: plain" in plain.content
    assert b"variant: special" in special.content
    assert cache_state(special) == "miss"
    assert cache_state(Client().get("/vary-test/")) == "hit"
    assert b"variant: special" in Client(HTTP_X_VARIANT="special").get("/vary-test/").content
