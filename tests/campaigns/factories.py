import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.rich_text import RichText

from campaigns.models import CampaignIndexPage, CampaignPage, SupporterPledge


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


class CampaignIndexPageFactory(wagtail_factories.PageFactory):
    title = "Campaigns"
    slug = "campaigns"

    class Meta:
        model = CampaignIndexPage


class LiveCampaignPageFactory(wagtail_factories.PageFactory):
    """A live campaign with a pledge form; pass `parent=campaign_index`."""

    title = factory.Sequence(lambda n: f"Campaign {n}")
    slug = factory.Sequence(lambda n: f"campaign-{n}")
    introduction = "Back a second chance."
    start_date = factory.LazyFunction(lambda: days_from_today(-10))
    end_date = factory.LazyFunction(lambda: days_from_today(30))
    supporter_target = 100
    body = factory.LazyFunction(
        lambda: [
            ("rich_text", RichText("<p>Why this matters.</p>")),
            ("pledge_form", {"heading": "Pledge your support", "text": "Add your name."}),
        ]
    )

    class Meta:
        model = CampaignPage


class UpcomingCampaignPageFactory(LiveCampaignPageFactory):
    start_date = factory.LazyFunction(lambda: days_from_today(10))
    end_date = factory.LazyFunction(lambda: days_from_today(40))


class EndedCampaignPageFactory(LiveCampaignPageFactory):
    start_date = factory.LazyFunction(lambda: days_from_today(-100))
    end_date = factory.LazyFunction(lambda: days_from_today(-1))


class PendingPledgeFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"supporter{n}@example.org")
    name = "Jo"
    region = "GB-LDS"
    count_publicly = True
    status = SupporterPledge.Status.PENDING

    class Meta:
        model = SupporterPledge


class ConfirmedPledgeFactory(PendingPledgeFactory):
    status = SupporterPledge.Status.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)
