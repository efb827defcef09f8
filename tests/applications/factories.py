"""Factories of applications. An application's cover note holds a unique marker string
(``APPMARK`` + a number) so privacy tests can assert it appears nowhere it must not:
``application_markers(application)`` lists it with the seeker's own markers.

    ApplicationFactory()                                  # sent, profile shared, no CV
    ApplicationFactory(shares_cv=True, seeker=with_cv(JobSeekerFactory()))
    at_stage(application, "interview", by=user)           # walked through the real transitions
"""

import datetime

import factory
from django.utils import timezone

from applications.models import Application
from tests.employers.factories import JobListingFactory
from tests.seekers.factories import JobSeekerFactory, seeker_markers

APPLICATION_MARKER_PREFIX = "APPMARK"

# The transitions that lead to each state from "sent".
PATH = {
    "sent": [],
    "viewed": ["view"],
    "shortlisted": ["view", "shortlist"],
    "interview": ["view", "shortlist", "invite"],
    "offer": ["view", "shortlist", "invite", "offer"],
    "hired": ["view", "shortlist", "invite", "offer", "hire"],
    "not-this-time": ["view", "turn_down"],
    "withdrawn": ["withdraw"],
}


class ApplicationFactory(factory.django.DjangoModelFactory):
    job = factory.SubFactory(JobListingFactory)
    seeker = factory.SubFactory(JobSeekerFactory)
    shares_profile = True
    cover_note = factory.Sequence(lambda n: f"{APPLICATION_MARKER_PREFIX}note{n} I would love this job.")
    record_check_stage = factory.LazyAttribute(
        lambda application: application.job.employer.record_check_stage
    )

    class Meta:
        model = Application


def at_stage(application, status, by=None):
    """Move `application` to `status` through the same steps an employer takes."""
    for action in PATH[status]:
        if action == "invite":
            application.invite(by, timezone.now() + datetime.timedelta(days=3), place="12 High Street")
        elif action == "hire":
            application.record_hire(by, timezone.localdate(), 30)
        elif action == "turn_down":
            application.turn_down(by, "experience")
        else:
            application.transition(action, by)
    return application


def application_markers(application):
    return [application.cover_note.split()[0], *seeker_markers(application.seeker)]
