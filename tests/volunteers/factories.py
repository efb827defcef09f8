"""Factories of volunteering: volunteers in each screening state, references, mentor requests,
matches and sessions.

VolunteerFactory's personal fields hold unique marker strings (``VOLMARK`` + a number) so privacy
tests can assert they appear nowhere they must not: ``volunteer_markers(volunteer)`` lists them.

    VolunteerFactory()                       # applied, no account
    ActiveMentorFactory(user=some_user)      # active peer mentor, checklist complete
    MentorshipFactory(volunteer=mentor, request__provider=provider)
"""

import datetime

import factory
from django.utils import timezone

from tests.employers.factories import VerifiedUserFactory
from tests.partners.factories import GraduateFactory, ProgrammeProviderFactory
from volunteers.models import (
    MentoringSession,
    MentorRequest,
    Mentorship,
    Reference,
    Role,
    Status,
    Volunteer,
    VolunteerStatusChange,
)

VOLUNTEER_MARKER_PREFIX = "VOLMARK"


class VolunteerFactory(factory.django.DjangoModelFactory):
    role = Role.PEER_MENTOR
    full_name = factory.Sequence(lambda n: f"{VOLUNTEER_MARKER_PREFIX}name{n} Mentor")
    email = factory.Sequence(lambda n: f"{VOLUNTEER_MARKER_PREFIX.lower()}{n}@mentors.example.org")
    phone = factory.Sequence(lambda n: f"07700 9{n:05d}")
    region = "GB-MAN"
    languages = factory.LazyFunction(lambda: ["en"])
    availability = factory.LazyFunction(lambda: ["weekends"])
    motivation = factory.Sequence(lambda n: f"{VOLUNTEER_MARKER_PREFIX}motivation{n} I want to help.")
    lived_experience = factory.Sequence(lambda n: f"{VOLUNTEER_MARKER_PREFIX}lived{n} I have been there.")
    consented_at = factory.LazyFunction(timezone.now)
    language = "en"

    class Meta:
        model = Volunteer


class VolunteerWithAccountFactory(VolunteerFactory):
    user = factory.SubFactory(VerifiedUserFactory)
    email = factory.SelfAttribute("user.email")


class ActiveMentorFactory(VolunteerWithAccountFactory):
    """Active, its checklist complete, its path through the screening in the history."""

    status = Status.ACTIVE
    interview_done = True
    training_done = True
    background_check_done = True

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def screened(volunteer, create, extracted, **kwargs):
        if not create:
            return
        for number in (1, 2):
            Reference.objects.create(
                volunteer=volunteer,
                referee_name=f"{VOLUNTEER_MARKER_PREFIX}referee{volunteer.pk}x{number}",
                referee_email=f"referee{number}.{volunteer.pk}@example.org",
                text=f"{VOLUNTEER_MARKER_PREFIX}reference{volunteer.pk}x{number} Reliable.",
                given_at=timezone.now(),
            )
        previous = Status.APPLIED
        for status in (Status.REFERENCES_REQUESTED, Status.INTERVIEWED, Status.TRAINED, Status.ACTIVE):
            VolunteerStatusChange.objects.create(
                volunteer=volunteer, from_status=previous, to_status=status, reason="Screened in a test."
            )
            previous = status


class MentorRequestFactory(factory.django.DjangoModelFactory):
    provider = factory.SubFactory(ProgrammeProviderFactory)
    graduate = factory.SubFactory(GraduateFactory, provider=factory.SelfAttribute("..provider"))
    preferred_role = Role.PEER_MENTOR
    languages = factory.LazyFunction(lambda: ["en"])
    note = "Confidence before interviews."

    class Meta:
        model = MentorRequest


class MentorshipFactory(factory.django.DjangoModelFactory):
    request = factory.SubFactory(MentorRequestFactory, status=MentorRequest.Status.MATCHED)
    volunteer = factory.SubFactory(ActiveMentorFactory)

    class Meta:
        model = Mentorship


class MentoringSessionFactory(factory.django.DjangoModelFactory):
    mentorship = factory.SubFactory(MentorshipFactory)
    held_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=3))
    minutes = 60
    notes = factory.Sequence(lambda n: f"{VOLUNTEER_MARKER_PREFIX}session{n} Practice interview.")

    class Meta:
        model = MentoringSession


def volunteer_markers(volunteer):
    """The strings of a volunteer's personal data (name, e-mail, phone, words, references)."""
    markers = [
        volunteer.full_name.split()[0],
        volunteer.email,
        volunteer.phone,
        volunteer.motivation.split()[0],
    ]
    if volunteer.lived_experience:
        markers.append(volunteer.lived_experience.split()[0])
    for reference in volunteer.references.all():
        markers.append(reference.referee_name)
        if reference.text:
            markers.append(reference.text.split()[0])
    return [marker for marker in markers if marker]
