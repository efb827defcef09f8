"""Cheap to serve: every address answers in a fixed number of queries, whatever the rows behind it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.campaigns.factories import ConfirmedPledgeFactory, LiveCampaignPageFactory
from tests.employers.factories import (
    CertificationFactory,
    EmployerFactory,
    HiringPledgeFactory,
    JobListingFactory,
    SkillFactory,
)
from tests.stories.factories import StoryPageFactory, ThemeFactory

BUDGET = 12  # docs/architecture.md: any public page


def add_rows(story_index, campaign_index, n):
    skills = [SkillFactory() for _ in range(3)]
    themes = [ThemeFactory() for _ in range(2)]
    for _ in range(n):
        employer = EmployerFactory(regions_of_operation=["GB-LDS", "GB-LIV"])
        HiringPledgeFactory(employer=employer)
        JobListingFactory(employer=employer, skills=skills, certifications=[CertificationFactory()])
        StoryPageFactory(parent=story_index, themes=themes)
        campaign = LiveCampaignPageFactory(parent=campaign_index)
        ConfirmedPledgeFactory(campaign=campaign)


def queries(client, url):
    client.get(url)  # warm what the site caches (site root paths, restricted paths)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def urls():
    from employers.models import Employer
    from jobs.models import JobListing

    return [
        "/api/v1/",
        "/api/v1/jobs",
        "/api/v1/jobs?sector=I&region=GB-MAN&q=kitchen&sort=newest",
        f"/api/v1/jobs/{JobListing.objects.order_by('pk').first().pk}",
        "/api/v1/employers",
        "/api/v1/employers?region=GB-LDS&q=fair",
        f"/api/v1/employers/{Employer.objects.order_by('pk').first().slug}",
        "/api/v1/stories",
        "/api/v1/stories?theme=theme-0",
        "/api/v1/campaigns",
        "/api/v1/impact",
        "/api/v1/openapi.json",
        "/api/v1/docs",
    ]


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_rows(client, settings, story_index, campaign_index):
    settings.API_RATE_LIMIT = "10000/m"
    add_rows(story_index, campaign_index, 2)
    few = {url: queries(client, url) for url in urls()}
    add_rows(story_index, campaign_index, 8)
    many = {url: queries(client, url) for url in urls()}
    assert many == few
    assert max(many.values()) <= BUDGET, many
