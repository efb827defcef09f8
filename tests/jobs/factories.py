"""Factories for the public job board's tests: listings already published (or in any state)."""

import factory
from django.utils import timezone

from jobs.models import JobListing
from tests.employers.factories import EmployerFactory


class JobListingFactory(factory.django.DjangoModelFactory):
    """A published listing of a verified employer (pass status= and published_at= otherwise)."""

    employer = factory.SubFactory(EmployerFactory)
    title = factory.Sequence(lambda n: f"Kitchen porter {n}")
    description = "<p>Wash up, keep the kitchen clean and help the chefs.</p>"
    sector = "I"
    region = "GB-MAN"
    place = "Manchester"
    remote = "on-site"
    employment_type = "full-time"
    status = JobListing.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = JobListing
