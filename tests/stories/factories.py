import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.rich_text import RichText

from stories.models import ProgrammeType, StoryConsent, StoryIndexPage, StoryPage, Theme
from tests.portal.factories import ImageFactory


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")

    class Meta:
        model = Theme
        django_get_or_create = ("slug",)


class StoryConsentFactory(factory.django.DjangoModelFactory):
    """A current consent covering text only."""

    subject_reference = factory.Sequence(lambda n: f"SUBJ-{n:04d}")
    given_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    expires_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=365))
    covers_text = True

    class Meta:
        model = StoryConsent


class FullStoryConsentFactory(StoryConsentFactory):
    covers_photo = True
    covers_real_name = True


class ExpiredStoryConsentFactory(StoryConsentFactory):
    given_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=400))
    expires_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=1))


class WithdrawnStoryConsentFactory(StoryConsentFactory):
    withdrawn_on = factory.LazyFunction(timezone.localdate)


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Stories"
    slug = "stories"
    introduction = "Real people, told with consent."

    class Meta:
        model = StoryIndexPage


class StoryPageFactory(wagtail_factories.PageFactory):
    """A live story with a current consent; pass `parent=story_index`."""

    title = factory.Sequence(lambda n: f"A second chance, part {n}")
    slug = factory.Sequence(lambda n: f"story-{n}")
    display_name = "Sam"
    standfirst = "Work gave Sam a reason to get up in the morning."
    hero_image = factory.SubFactory(ImageFactory)
    hero_alt_text = "A sunrise over hills."
    programme_type = ProgrammeType.VOCATIONAL_TRAINING
    region = "GB-MAN"
    consent = factory.SubFactory(StoryConsentFactory)
    body = factory.LazyFunction(
        lambda: [
            ("paragraph", RichText("<p>The story in the person's words.</p>")),
            ("quote", {"quote": "Someone gave me a chance.", "attribution": "Sam"}),
        ]
    )
    first_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = StoryPage
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)
            self.save()


class DraftStoryPageFactory(StoryPageFactory):
    live = False
    first_published_at = None
