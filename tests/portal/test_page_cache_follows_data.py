"""With the page cache on, every public page type shows a change to its data at once.

Each test caches a page (the second anonymous visit is a hit), changes what the page shows through
the ORM the way the app does, and reads the page again: it must be rendered afresh with the change.
"""

import datetime
import json
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from campaigns.models import Audience
from employers.models import ProgressItem, ProgressReport
from incentives.models import IncentiveScheme
from tests.campaigns.factories import LiveCampaignPageFactory, PendingPledgeFactory
from tests.employers.factories import EmployerFactory, HiringPledgeFactory, JobListingFactory
from tests.impact.factories import HireFactory
from tests.portal.test_operations import run_manage
from tests.stories.factories import DraftStoryPageFactory, StoryPageFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


def visit(url, **headers):
    return Client().get(url, **headers)


def cached(url, **headers):
    """Visit twice; the second visit must come from the cache (or the test would prove nothing)."""
    first = visit(url, **headers)
    assert first.status_code == 200, url
    second = visit(url, **headers)
    assert second.headers.get("X-Page-Cache") == "hit", url
    return second.content.decode()


def fresh(url, **headers):
    response = visit(url, **headers)
    assert response.status_code == 200, url
    assert response.headers.get("X-Page-Cache") != "hit", f"{url} still served from the cache"
    return response.content.decode()


def figure(html, key):
    return re.search(rf'data-figure="{key}">([^<]*)<', html).group(1).strip()


@pytest.fixture
def pledge():
    return HiringPledgeFactory(employer=EmployerFactory(name="Second Bite Kitchens"))


# Wagtail pages -------------------------------------------------------------------------------------


def test_home_page_figures_follow_a_confirmed_supporter(home, campaign_index):
    campaign = LiveCampaignPageFactory(parent=campaign_index)
    supporter = PendingPledgeFactory(campaign=campaign)
    assert figure(cached("/"), "supporters") == "0"
    supporter.confirm()  # as the confirmation link does (a QuerySet.update)
    assert figure(fresh("/"), "supporters") == "1"


def test_home_page_figures_follow_a_new_job(home):
    JobListingFactory()
    before = figure(cached("/"), "jobs")
    JobListingFactory()
    assert figure(fresh("/"), "jobs") == str(int(before) + 1)


def test_story_index_and_story_follow_a_renamed_theme(story_index):
    theme = ThemeFactory(name="Kitchens", slug="kitchens")
    story = StoryPageFactory(parent=story_index, themes=[theme])
    assert "Kitchens" in cached(story_index.url) and "Kitchens" in cached(story.url)
    theme.name = "Catering"
    theme.save()
    for url in (story_index.url, story.url):
        html = fresh(url)
        assert "Catering" in html and "Kitchens" not in html


def test_a_story_follows_a_change_to_its_themes(story_index):
    story = StoryPageFactory(parent=story_index, themes=[ThemeFactory(name="Kitchens", slug="kitchens")])
    assert "Kitchens" in cached(story.url)
    story.themes.set([ThemeFactory(name="Warehouses", slug="warehouses")])
    story.save_revision().publish()
    html = fresh(story.url)
    assert "Warehouses" in html and "Kitchens" not in html


def test_campaign_index_follows_a_published_campaign(campaign_index):
    LiveCampaignPageFactory(parent=campaign_index, title="Back to work")
    assert "Back to work" in cached(campaign_index.url)
    LiveCampaignPageFactory(parent=campaign_index, title="Open doors week").save_revision().publish()
    assert "Open doors week" in fresh(campaign_index.url)


def test_a_campaign_page_follows_its_audiences(campaign_index):
    campaign = LiveCampaignPageFactory(parent=campaign_index, title="Back to work")
    before = visit(campaign.url).content.decode()  # with its pledge form, it is rendered per visitor
    assert "Employers in Leeds" not in before
    campaign.audiences.add(Audience.objects.create(name="Employers in Leeds"))
    campaign.save_revision().publish()
    assert "Employers in Leeds" in visit(campaign.url).content.decode()


# The job board -----------------------------------------------------------------------------------


def test_jobs_board_and_job_page_follow_an_edited_listing(home):
    job = JobListingFactory(title="Kitchen porter")
    assert "Kitchen porter" in cached("/jobs/")
    assert "Kitchen porter" in visit(job.get_absolute_url()).content.decode()  # has a report form
    job.title = "Head kitchen porter"
    job.save()
    assert "Head kitchen porter" in fresh("/jobs/")
    assert "Head kitchen porter" in visit(job.get_absolute_url()).content.decode()


def test_the_jobs_board_follows_an_employer_s_name(home):
    JobListingFactory(employer=EmployerFactory(name="Second Bite Kitchens"))
    assert "Second Bite Kitchens" in cached("/jobs/")
    employer = EmployerFactory._meta.model.objects.get(name="Second Bite Kitchens")
    employer.name = "Third Course Kitchens"
    employer.save()
    html = fresh("/jobs/")
    assert "Third Course Kitchens" in html and "Second Bite Kitchens" not in html


# Pledges -----------------------------------------------------------------------------------------


def report_progress(pledge, state=ProgressItem.State.DONE):
    """As the employer area's progress form does: a report, then its items in one statement."""
    report = ProgressReport.objects.create(pledge=pledge)
    ProgressItem.objects.bulk_create(
        ProgressItem(report=report, commitment=item, state=state) for item in pledge.commitments.all()
    )


def test_a_progress_report_shows_at_once_on_the_pledge_page_and_the_profile(home, pledge):
    urls = (f"/pledges/{pledge.reference}/", f"/employers/{pledge.employer.slug}/")
    for url in urls:
        assert "Latest progress" not in cached(url)
    report_progress(pledge)
    for url in urls:
        assert "Latest progress" in fresh(url)


def test_the_wall_and_certificate_follow_the_employer_s_name(home, pledge):
    urls = ("/pledge-wall/", f"/pledges/{pledge.reference}/certificate/")
    for url in urls:
        assert "Second Bite Kitchens" in cached(url)
    pledge.employer.name = "Third Course Kitchens"
    pledge.employer.save()
    for url in urls:
        html = fresh(url)
        assert "Third Course Kitchens" in html and "Second Bite Kitchens" not in html


def test_the_wall_and_the_badge_follow_a_withdrawn_pledge(home, pledge):
    badge = f"/pledges/{pledge.reference}/badge.svg"
    assert "Second Bite Kitchens" in cached("/pledge-wall/")
    assert "Active" in cached(badge)
    pledge.withdraw(by=None, reason="Closing down")
    assert "Second Bite Kitchens" not in fresh("/pledge-wall/")
    assert "Withdrawn" in fresh(badge)


# Incentives, impact, search, API -----------------------------------------------------------------


def test_the_incentive_list_follows_a_published_scheme(home, example_schemes):
    scheme = IncentiveScheme.objects.filter(live=True).first()
    assert scheme.name in cached("/incentives/")
    scheme.name = "Fair Chance Wage Subsidy 2027"
    scheme.save_revision().publish()
    assert "Fair Chance Wage Subsidy 2027" in fresh("/incentives/")


def test_the_impact_page_follows_new_jobs_and_supporters(home, campaign_index):
    supporter = PendingPledgeFactory(campaign=LiveCampaignPageFactory(parent=campaign_index))
    html = cached("/impact/")
    assert figure(html, "confirmed_supporters") == "0"
    jobs = int(figure(html, "open_jobs"))
    supporter.confirm()
    JobListingFactory()
    html = fresh("/impact/")
    assert figure(html, "confirmed_supporters") == "1"
    assert figure(html, "open_jobs") == str(jobs + 1)


def test_the_impact_page_follows_hires(home):
    html = cached("/impact/")
    assert figure(html, "hires") == "fewer than 5"
    for _ in range(6):
        HireFactory()
    assert figure(fresh("/impact/"), "hires") == "6"


def test_search_follows_a_published_story(story_index):
    StoryPageFactory(parent=story_index, title="Bread and butter")
    assert "Bread and second helpings" not in cached("/search/?q=bread")
    StoryPageFactory(parent=story_index, title="Bread and second helpings").save_revision().publish()
    assert "Bread and second helpings" in fresh("/search/?q=bread")


@pytest.mark.parametrize("url", ["/api/v1/jobs", "/api/v1/employers", "/api/v1/impact"])
def test_api_lists_follow_their_data(home, pledge, url):
    JobListingFactory(title="Kitchen porter")
    before = json.loads(cached(url))
    pledge.employer.name = "Third Course Kitchens"
    pledge.employer.save()
    JobListingFactory(title="Forklift driver")
    after = json.loads(fresh(url))
    assert after != before


def test_api_story_and_campaign_lists_follow_publishing(story_index, campaign_index):
    StoryPageFactory(parent=story_index, title="Bread and butter")
    LiveCampaignPageFactory(parent=campaign_index, title="Back to work")
    for url in ("/api/v1/stories", "/api/v1/campaigns"):
        cached(url)
    StoryPageFactory(parent=story_index, title="Bread and second helpings").save_revision().publish()
    LiveCampaignPageFactory(parent=campaign_index, title="Open doors week").save_revision().publish()
    assert "Bread and second helpings" in fresh("/api/v1/stories")
    assert "Open doors week" in fresh("/api/v1/campaigns")


def test_a_job_that_closes_leaves_the_board_at_once(home):
    job = JobListingFactory(title="Kitchen porter")
    assert "Kitchen porter" in cached("/jobs/")
    job.close()
    assert "Kitchen porter" not in fresh("/jobs/")


# Another process -----------------------------------------------------------------------------------


@pytest.fixture
def shared_cache(settings):
    """The cache a management command in another process shares with the web process: Redis when
    the suite runs with REDIS_URL (the subprocess inherits it), else the embedded database cache."""
    if not settings.REDIS_URL:
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.db.DatabaseCache",
                "LOCATION": "portal_cache",
                "KEY_PREFIX": "portal",
            }
        }
        call_command("createcachetable", verbosity=0)
    cache.clear()
    yield
    cache.clear()


def database_environment():
    database = connection.settings_dict
    if database["ENGINE"] == "django.db.backends.sqlite3":
        return {"DATABASE_URL": "", "SQLITE_PATH": database["NAME"]}
    user, host, port = database["USER"], database["HOST"] or "127.0.0.1", database["PORT"] or 5432
    return {"DATABASE_URL": f"postgres://{user}@{host}:{port}/{database['NAME']}"}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publish_scheduled_in_another_process_drops_the_web_process_s_pages(story_index, shared_cache):
    StoryPageFactory(parent=story_index, title="Bread and butter")
    scheduled = DraftStoryPageFactory(parent=story_index, title="Published while nobody watched")
    scheduled.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    assert "Published while nobody watched" not in cached(story_index.url)

    command = run_manage(
        "publish_scheduled",
        DEBUG="1",
        CACHE_KEY_PREFIX="portal",
        ELASTICSEARCH_URL="",
        OPENSEARCH_URL="",
        **database_environment(),
    )

    assert command.returncode == 0, command.stderr
    assert "Published while nobody watched" in fresh(story_index.url)
