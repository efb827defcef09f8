"""A wave embedded in a campaign page or a story through the StreamField block."""

import datetime

import pytest
from django.utils import timezone
from wagtail.rich_text import RichText

from tests.campaigns.factories import LiveCampaignPageFactory
from tests.stories.factories import StoryPageFactory
from tests.surveys.factories import SurveyWaveFactory

pytestmark = pytest.mark.django_db


def test_a_campaign_page_invites_visitors_to_the_open_wave(client, campaign_index):
    wave = SurveyWaveFactory(survey__title="Acceptance at work")
    campaign = LiveCampaignPageFactory(
        parent=campaign_index,
        body=[
            ("rich_text", RichText("<p>Why.</p>")),
            ("survey", {"wave": wave, "heading": "", "text": "Tell us."}),
        ],
    )
    page = client.get(campaign.url)
    assert page.status_code == 200
    assert "Acceptance at work" in page.text and "Tell us." in page.text
    assert f'href="/surveys/{wave.slug}/"' in page.text
    assert f'href="/surveys/results/{wave.survey.slug}/"' in page.text


def test_a_closed_wave_in_a_story_links_to_its_results_only(client, story_index):
    today = timezone.localdate()
    wave = SurveyWaveFactory(
        opens_on=today - datetime.timedelta(days=9), closes_on=today - datetime.timedelta(days=1)
    )
    story = StoryPageFactory(
        parent=story_index, body=[("survey", {"wave": wave, "heading": "Have your say", "text": ""})]
    )
    page = client.get(story.url)
    assert page.status_code == 200
    assert "Have your say" in page.text
    assert f'href="/surveys/{wave.slug}/"' not in page.text
    assert f'href="/surveys/results/{wave.survey.slug}/"' in page.text
