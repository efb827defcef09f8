"""A count of one reads in the singular: "1 day", "1 hour a week", "1 story", never "1 days"."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.template.loader import render_to_string
from time_machine import travel

from incentives.models import IncentiveStep
from tests.campaigns.factories import LiveCampaignPageFactory
from tests.employers.factories import JobListingFactory
from tests.stories.factories import DraftStoryPageFactory, StoryConsentFactory


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize(
    "days, words",
    [
        (1, "within 1 day of the start date"),
        (28, "within 28 days of the start date"),
        (-1, "1 day before the start date"),
        (-3, "3 days before the start date"),
    ],
)
def test_an_incentive_step_s_deadline(days, words):
    step = IncentiveStep(label="File the claim", relative_to=IncentiveStep.RelativeTo.START, days_offset=days)
    assert str(step.deadline_text) == words


@pytest.mark.django_db
@pytest.mark.parametrize("hours, words", [("1", "1 hour a week"), ("37.5", "37.5 hours a week")])
def test_a_job_s_hours(home, client, hours, words):
    job = JobListingFactory(hours_per_week=hours)
    assert words in text(client.get(job.get_absolute_url()).content.decode())


@pytest.mark.django_db
def test_a_campaign_aiming_at_one_supporter(campaign_index, client):
    campaign = LiveCampaignPageFactory(parent=campaign_index, supporter_target=1)
    assert "0 of 1 supporter " in text(client.get(campaign_index.url).content.decode())
    assert "of 1 supporter " in text(client.get(campaign.url).content.decode())


@pytest.mark.django_db
def test_the_consent_command_counts_one_story(story_index):
    consent = StoryConsentFactory()
    story = DraftStoryPageFactory(parent=story_index, consent=consent)
    story.save_revision().publish()
    out = io.StringIO()
    with travel(consent.expires_on + datetime.timedelta(days=1)):
        call_command("expire_story_consents", stdout=out)
    assert out.getvalue().strip() == "Unpublished 1 story without current consent."


def test_the_retention_notice_subject_with_one_record():
    subject = render_to_string(
        "matching/email/retention_notice_subject.txt",
        {
            "references": ["G-0001"],
            "provider": {"name": "Fresh Start"},
            "erase_on": datetime.date(2026, 3, 3),
        },
    ).strip()
    assert subject == "1 graduate record of Fresh Start will be erased on 3 March 2026"
