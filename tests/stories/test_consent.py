import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from stories.models import StoryPage
from tests.portal.factories import UserFactory, with_totp
from tests.stories.factories import (
    DraftStoryPageFactory,
    ExpiredStoryConsentFactory,
    FullStoryConsentFactory,
    StoryConsentFactory,
    StoryPageFactory,
    WithdrawnStoryConsentFactory,
)


def publish(story):
    story.save_revision().publish()
    return StoryPage.objects.get(pk=story.pk)


class TestConsentRules:
    def test_story_with_current_consent_publishes(self, story_index):
        story = publish(DraftStoryPageFactory(parent=story_index))
        assert story.live

    @pytest.mark.parametrize(
        "consent_factory, reason",
        [
            (ExpiredStoryConsentFactory, "expired"),
            (WithdrawnStoryConsentFactory, "withdrawn"),
        ],
    )
    def test_lapsed_consent_blocks_publication(self, story_index, consent_factory, reason):
        story = DraftStoryPageFactory(parent=story_index, consent=consent_factory())
        assert any(reason in str(problem) for problem in story.consent_problems())
        assert not publish(story).live

    def test_no_consent_blocks_publication(self, story_index):
        story = DraftStoryPageFactory(parent=story_index, consent=None)
        assert "no consent record" in str(story.consent_problems()[0])
        assert not publish(story).live

    def test_consent_that_starts_later_is_not_current(self, story_index):
        consent = StoryConsentFactory(given_on=timezone.localdate() + datetime.timedelta(days=3))
        story = DraftStoryPageFactory(parent=story_index, consent=consent)
        assert "only starts" in str(story.consent_problems()[0])

    def test_photo_of_the_person_needs_photo_consent(self, story_index):
        story = DraftStoryPageFactory(parent=story_index, photo_shows_subject=True)
        assert "photograph" in str(story.consent_problems()[0])
        story.consent = FullStoryConsentFactory()
        assert story.consent_problems() == []

    def test_real_name_needs_real_name_consent(self, story_index):
        story = DraftStoryPageFactory(parent=story_index, name_is_real=True)
        assert "real name" in str(story.consent_problems()[0])
        story.consent = FullStoryConsentFactory()
        assert story.consent_problems() == []

    def test_withdrawing_consent_unpublishes_every_story_it_covers_at_once(self, story_index, client):
        consent = StoryConsentFactory()
        first = publish(DraftStoryPageFactory(parent=story_index, consent=consent))
        second = publish(DraftStoryPageFactory(parent=story_index, consent=consent))
        other = publish(DraftStoryPageFactory(parent=story_index))
        assert client.get(first.url).status_code == 200

        consent.withdraw()

        assert not StoryPage.objects.get(pk=first.pk).live
        assert not StoryPage.objects.get(pk=second.pk).live
        assert StoryPage.objects.get(pk=other.pk).live
        assert client.get(first.url).status_code == 404

    def test_narrowing_consent_scope_unpublishes_a_story_showing_more(self, story_index):
        consent = FullStoryConsentFactory()
        story = publish(DraftStoryPageFactory(parent=story_index, consent=consent, name_is_real=True))
        assert story.live
        consent.covers_real_name = False
        consent.save()
        assert not StoryPage.objects.get(pk=story.pk).live

    def test_expiry_command_unpublishes_stories_whose_consent_ran_out(self, story_index, capsys):
        today = timezone.localdate()
        consent = StoryConsentFactory(expires_on=today + datetime.timedelta(days=5))
        expiring = publish(DraftStoryPageFactory(parent=story_index, consent=consent))
        lasting = publish(DraftStoryPageFactory(parent=story_index))

        call_command("expire_story_consents")
        assert StoryPage.objects.get(pk=expiring.pk).live

        with time_machine.travel(timezone.now() + datetime.timedelta(days=6)):
            call_command("expire_story_consents")

        assert not StoryPage.objects.get(pk=expiring.pk).live
        assert StoryPage.objects.get(pk=lasting.pk).live
        assert "Unpublished 1 story without" in capsys.readouterr().out

    def test_consent_cannot_expire_before_it_was_given(self):
        from django.core.exceptions import ValidationError

        consent = StoryConsentFactory.build(
            given_on=timezone.localdate(), expires_on=timezone.localdate() - datetime.timedelta(days=1)
        )
        with pytest.raises(ValidationError) as error:
            consent.full_clean()
        assert "expiry date must be after" in str(error.value)


class TestEditorForm:
    """The editor sees why a story cannot be published, next to the consent field."""

    def edit_post_data(self, story, **overrides):
        from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

        data = {
            "title": story.title,
            "slug": story.slug,
            "display_name": story.display_name,
            "standfirst": story.standfirst,
            "hero_image": story.hero_image_id or "",
            "hero_alt_text": story.hero_alt_text,
            "body": streamfield([("paragraph", rich_text("<p>Words.</p>"))]),
            "programme_type": story.programme_type,
            "region": story.region,
            "consent": story.consent_id or "",
            "comments": inline_formset([]),
        }
        data.update(overrides)
        return nested_form_data(data)

    def test_publishing_without_current_consent_shows_the_reason(self, story_index, client):
        admin = with_totp(UserFactory(is_superuser=True, is_staff=True))
        client.force_login(admin)
        story = DraftStoryPageFactory(parent=story_index, consent=ExpiredStoryConsentFactory())
        response = client.post(
            f"/admin/pages/{story.pk}/edit/", {**self.edit_post_data(story), "action-publish": "publish"}
        )
        assert response.status_code == 200
        assert "The consent expired on" in response.content.decode()
        assert not StoryPage.objects.get(pk=story.pk).live

    def test_saving_a_draft_without_consent_is_allowed(self, story_index, client):
        admin = with_totp(UserFactory(is_superuser=True, is_staff=True))
        client.force_login(admin)
        story = DraftStoryPageFactory(parent=story_index, consent=None)
        response = client.post(f"/admin/pages/{story.pk}/edit/", self.edit_post_data(story, standfirst="New"))
        assert response.status_code == 302
        assert StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object().standfirst == "New"

    def test_hero_image_needs_alt_text(self, story_index, client):
        admin = with_totp(UserFactory(is_superuser=True, is_staff=True))
        client.force_login(admin)
        story = DraftStoryPageFactory(parent=story_index)
        response = client.post(f"/admin/pages/{story.pk}/edit/", self.edit_post_data(story, hero_alt_text=""))
        assert response.status_code == 200
        assert "Describe the hero image" in response.content.decode()

    def test_publishing_with_current_consent_works(self, story_index, client):
        admin = with_totp(UserFactory(is_superuser=True, is_staff=True))
        client.force_login(admin)
        story = DraftStoryPageFactory(parent=story_index)
        response = client.post(
            f"/admin/pages/{story.pk}/edit/", {**self.edit_post_data(story), "action-publish": "publish"}
        )
        assert response.status_code == 302
        assert StoryPage.objects.get(pk=story.pk).live


def test_scheduled_publication_without_consent_is_refused(story_index):
    story = DraftStoryPageFactory(parent=story_index, consent=WithdrawnStoryConsentFactory())
    revision = story.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    assert revision.approved_go_live_at
    call_command("publish_scheduled")
    assert not StoryPage.objects.get(pk=story.pk).live


def test_scheduled_publication_with_consent_goes_live(story_index):
    story = DraftStoryPageFactory(parent=story_index)
    story.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("publish_scheduled")
    assert StoryPage.objects.get(pk=story.pk).live


def test_factories_story_is_live(story_index):
    assert StoryPageFactory(parent=story_index).live
