"""Outcome records the impact figures count: introductions and hires (with their retention checks)."""

import datetime

import factory
from django.utils import timezone

from matching.models import Hire, Introduction, RetentionCheck
from tests.employers.factories import JobListingFactory
from tests.partners.factories import GraduateFactory


class IntroductionFactory(factory.django.DjangoModelFactory):
    job = factory.SubFactory(JobListingFactory)
    graduate = factory.SubFactory(GraduateFactory)
    requested_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Introduction


class HireFactory(factory.django.DjangoModelFactory):
    """A hire; matching.outcomes schedules its retention checks at 3, 6 and 12 months."""

    graduate = factory.SubFactory(GraduateFactory)
    job = factory.SubFactory(JobListingFactory)
    employer = factory.LazyAttribute(lambda hire: hire.job.employer)
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))

    class Meta:
        model = Hire


def answer(hire, months, answer):
    RetentionCheck.objects.filter(hire=hire, months=months).update(answer=answer, answered_at=timezone.now())
