"""A story taken down because its consent lapsed says so in its admin history, and nothing else."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from time_machine import travel

from stories.models import StoryPage
from tests.portal.factories import UserFactory, with_totp
from tests.stories.factories import DraftStoryPageFactory, StoryConsentFactory

pytestmark = pytest.mark.django_db


def publish(story):
    story.save_revision().publish()
    return StoryPage.objects.get(pk=story.pk)


def history(client, story):
    client.force_login(with_totp(UserFactory(is_superuser=True, is_staff=True)))
    response = client.get(f"/admin/pages/{story.pk}/history/")
    assert response.status_code == 200
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def entries(text):
    """The history's rows, from the listing's first row to its footer."""
    return text.split("Action User Date", 1)[1].split("Page 1 of", 1)[0]


def test_history_after_a_withdrawal_says_why_and_shows_nothing_scheduled(story_index, client):
    consent = StoryConsentFactory()
    story = publish(DraftStoryPageFactory(parent=story_index, consent=consent))
    consent.withdraw()
    rows = entries(history(client, story))
    assert "Unpublished: The consent was withdrawn on" in rows
    assert "schedul" not in rows.lower()


def test_history_after_expiry_by_the_daily_command_says_the_consent_expired(story_index, client):
    consent = StoryConsentFactory()
    story = publish(DraftStoryPageFactory(parent=story_index, consent=consent))
    with travel(consent.expires_on + datetime.timedelta(days=1)):
        call_command("expire_story_consents", stdout=io.StringIO())
    assert not StoryPage.objects.get(pk=story.pk).live
    rows = entries(history(client, story))
    assert "Unpublished: The consent expired on" in rows
    assert "schedul" not in rows.lower()


def test_a_withdrawal_cancels_a_scheduled_publication(story_index, client):
    consent = StoryConsentFactory()
    story = publish(DraftStoryPageFactory(parent=story_index, consent=consent))
    story.standfirst = "A new start, told later."
    story.save_revision(approved_go_live_at=timezone.now() + datetime.timedelta(days=2))
    consent.withdraw()
    assert not story.revisions.filter(approved_go_live_at__isnull=False).exists()
    with travel(timezone.now() + datetime.timedelta(days=3)):
        call_command("publish_scheduled")
    story = StoryPage.objects.get(pk=story.pk)
    assert not story.live and story.go_live_at is None
    rows = entries(history(client, story))
    assert "Unpublished: The consent was withdrawn on" in rows
    assert "Published scheduled draft" not in rows
