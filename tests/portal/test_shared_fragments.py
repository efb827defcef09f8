"""Pages built from shared fragments (portal/fragments.py) show every change at once, keep what
belongs to one visitor out of them, and cost only a few queries once the fragments are kept.

Logged-in people never get a page from the page cache, so these pages are rendered for them each
time: the tests visit as a logged-in person (and, for query counts, with the page cache off).
"""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template import engines
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from portal import fragments
from portal.models import HomePageFeaturedStory
from tests.campaigns.factories import LiveCampaignPageFactory, PendingPledgeFactory
from tests.employers.factories import (
    EmployerFactory,
    HiringPledgeFactory,
    JobListingFactory,
    VerifiedUserFactory,
)
from tests.stories.factories import StoryPageFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def caches_as_deployed(settings):
    settings.PAGE_CACHE_SECONDS = 60
    settings.FRAGMENT_CACHE_SECONDS = 60


@pytest.fixture
def member():
    client = Client()
    client.force_login(VerifiedUserFactory())
    return client


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.headers.get("X-Page-Cache") != "hit"
    return response.content.decode()


def twice(client, url, queries):
    """Visit once (the fragments are built and kept), then again within `queries` queries (they
    came from the cache, or the test would prove nothing)."""
    page(client, url)
    with CaptureQueriesContext(connection) as done:
        html = page(client, url)
    assert len(done) <= queries, "\n".join(query["sql"][:150] for query in done)
    return html


# A change shows at once ------------------------------------------------------------------------

# A logged-in visit costs the session, the user and the header's links to the person's areas
# (portal/accounts/areas.py) on top of the page's own queries.
SESSION = 6


def test_home_page_shows_a_published_heading_and_a_new_featured_story(member, home, story_index):
    story = StoryPageFactory(parent=story_index, title="From bakery to head baker")
    assert "From bakery to head baker" in twice(member, "/", SESSION)
    home.hero_heading = "Work changes everything"
    home.featured_stories = [
        HomePageFeaturedStory(story=StoryPageFactory(parent=story_index, title="New start"))
    ]
    home.save_revision().publish()
    html = page(member, "/")
    assert "Work changes everything" in html and "New start" in html
    assert story.title not in html


def test_a_story_shows_an_edit_and_a_renamed_theme(member, story_index):
    theme = ThemeFactory(name="Kitchens", slug="kitchens")
    story = StoryPageFactory(parent=story_index, themes=[theme], title="Kitchen to head chef")
    html = twice(member, story.url, SESSION)
    assert "Kitchen to head chef" in html and "Kitchens" in html
    story.title = "Kitchen to restaurant owner"
    story.save_revision().publish()
    assert "Kitchen to restaurant owner" in page(member, story.url)
    theme.name = "Catering"
    theme.save()
    html = page(member, story.url)
    assert "Catering" in html and "Kitchens" not in html


def test_a_campaign_shows_a_confirmed_supporter_and_an_edit(member, campaign_index):
    campaign = LiveCampaignPageFactory(parent=campaign_index, title="Back to work")
    supporter = PendingPledgeFactory(campaign=campaign)
    html = twice(member, campaign.url, SESSION)
    assert BeautifulSoup(html, "html.parser").select_one('[data-figure="supporters"]').get_text() == "0"
    assert BeautifulSoup(html, "html.parser").select_one("form #id_email")  # the form is there
    supporter.confirm()  # as the confirmation link does (a QuerySet.update)
    html = page(member, campaign.url)
    assert BeautifulSoup(html, "html.parser").select_one('[data-figure="supporters"]').get_text() == "1"
    campaign.title = "Back to work week"
    campaign.save_revision().publish()
    assert "Back to work week" in page(member, campaign.url)


def test_the_campaign_index_shows_a_published_campaign(member, campaign_index):
    LiveCampaignPageFactory(parent=campaign_index, title="Back to work")
    assert "Back to work" in twice(member, campaign_index.url, SESSION)
    LiveCampaignPageFactory(parent=campaign_index, title="Open doors week").save_revision().publish()
    assert "Open doors week" in page(member, campaign_index.url)


def test_the_job_board_shows_an_edited_listing(member, home):
    job = JobListingFactory(title="Kitchen porter")
    assert "Kitchen porter" in twice(member, "/jobs/", SESSION)
    job.title = "Head kitchen porter"
    job.save()
    assert "Head kitchen porter" in page(member, "/jobs/")


def test_the_job_board_answers_each_search_with_its_own_jobs(member, home):
    JobListingFactory(title="Kitchen porter")
    JobListingFactory(title="Forklift driver", description="<p>Move pallets in the warehouse.</p>")
    assert "Kitchen porter" in page(member, "/jobs/")
    warehouse = page(member, "/jobs/?q=forklift")
    assert "Forklift driver" in warehouse and "Kitchen porter" not in warehouse


def test_the_pledge_wall_shows_a_new_pledge(member, home):
    HiringPledgeFactory(employer=EmployerFactory(name="Second Bite Kitchens"))
    assert "Second Bite Kitchens" in twice(member, "/pledge-wall/", SESSION)
    HiringPledgeFactory(employer=EmployerFactory(name="Northern Bricks"))
    assert "Northern Bricks" in page(member, "/pledge-wall/")


def test_an_unpublished_or_renamed_page_is_found_afresh(member, story_index):
    story = StoryPageFactory(parent=story_index, slug="kitchen-to-chef")
    other = StoryPageFactory(parent=story_index, slug="warehouse-to-manager")
    page(member, story.url), page(member, other.url)  # their routes are kept
    story.unpublish()
    assert member.get(story.url).status_code == 404
    other.slug = "warehouse-to-director"
    other.save_revision().publish()
    assert member.get("/stories/warehouse-to-manager/").status_code == 404
    assert other.title in page(member, "/stories/warehouse-to-director/")


def test_a_restricted_page_stays_restricted_with_its_route_kept(member, story_index):
    story = StoryPageFactory(parent=story_index)
    page(member, story.url)
    PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    response = member.get(story.url)
    assert response.status_code == 200 and story.standfirst not in response.content.decode()
    assert 'name="password"' in response.content.decode()


# What belongs to one visitor stays out of them ----------------------------------------------------


def test_the_header_belongs_to_each_visitor(member, home):
    page(member, "/jobs/")  # the fragments are built for a logged-in person
    anonymous = Client().get("/jobs/").content.decode()
    assert "Log in" in anonymous and "Log out" not in anonymous
    assert "Log out" in page(member, "/jobs/")


def test_a_pledge_with_errors_keeps_its_input_and_nobody_else_sees_it(campaign_index):
    campaign = LiveCampaignPageFactory(parent=campaign_index)
    Client().get(campaign.url)  # the blank form is kept as a shared fragment
    data = {"name": "Jo Bloggs", "email": "not-an-address", "region": "GB-LDS", "count_publicly": "on"}
    response = Client().post(f"{campaign.url}pledge/", data)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#id_name")["value"] == "Jo Bloggs"
    assert "Enter an e-mail address" in soup.select_one("#id_email-error").get_text()
    html = Client().get(campaign.url).content.decode()
    assert "Jo Bloggs" not in html and "not-an-address" not in html and "id_email-error" not in html


def test_a_fragment_with_a_csrf_token_is_never_kept(home):
    template = engines["django"].from_string(
        '{% load fragments %}{% shared_fragment "with-form" %}<form method="post">{% csrf_token %}</form>'
        "{% endshared_fragment %}"
    )
    first, second = RequestFactory().post("/"), RequestFactory().post("/")
    first_html, second_html = template.render({}, first), template.render({}, second)
    assert "csrfmiddlewaretoken" in first_html
    assert second_html != first_html  # the second visitor got a token of their own


def test_fragments_can_be_switched_off(member, home, settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    job = JobListingFactory(title="Kitchen porter")
    page(member, "/jobs/")
    JobListingFactory._meta.model.objects.filter(pk=job.pk).update(title="Night porter")  # no signal
    assert "Night porter" in page(member, "/jobs/")
    assert fragments.cache_seconds() == 0
