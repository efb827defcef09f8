"""Factories of the partner side: providers, their staff, programmes and graduates.

GraduateFactory makes a graduate who is *matchable*: seeking work, recorded by a verified provider,
with a current MatchingConsent and a GraduatePersonalData row whose fields hold unique marker
strings (``PERSONAL_MARKER_PREFIX`` + a number) so privacy tests can assert they appear nowhere
outside the partner area: ``personal_markers(graduate)`` lists them.

    graduate = GraduateFactory(skills=[skill], certifications=[cert], programmes=[programme])
    GraduateFactory(consent=False)            # no consent row at all
    GraduateFactory(personal_data=False)      # no personal data row
"""

import datetime

import factory

from partners.models import (
    Graduate,
    GraduatePersonalData,
    GraduateProgramme,
    MatchingConsent,
    Programme,
    ProgrammeProvider,
    ProviderStaff,
)
from tests.employers.factories import VerifiedUserFactory

PERSONAL_MARKER_PREFIX = "PIIMARK"


class ProgrammeProviderFactory(factory.django.DjangoModelFactory):
    """A verified provider (use PendingProviderFactory / SuspendedProviderFactory otherwise)."""

    name = factory.Sequence(lambda n: f"Fresh Start Provider {n}")
    kind = ProgrammeProvider.Kind.NGO
    region = "GB-MAN"
    status = ProgrammeProvider.Status.VERIFIED

    class Meta:
        model = ProgrammeProvider


class PendingProviderFactory(ProgrammeProviderFactory):
    status = ProgrammeProvider.Status.PENDING


class SuspendedProviderFactory(ProgrammeProviderFactory):
    status = ProgrammeProvider.Status.SUSPENDED
    status_reason = "Suspended in a test."


class ProviderStaffFactory(factory.django.DjangoModelFactory):
    """A staff member (verified e-mail address) of a verified provider; case worker by default."""

    provider = factory.SubFactory(ProgrammeProviderFactory)
    user = factory.SubFactory(VerifiedUserFactory)
    role = ProviderStaff.Role.CASE_WORKER

    class Meta:
        model = ProviderStaff


class CoordinatorFactory(ProviderStaffFactory):
    role = ProviderStaff.Role.COORDINATOR


class ProgrammeFactory(factory.django.DjangoModelFactory):
    """skills / certifications: lists of Skill / Certification taught and awarded."""

    provider = factory.SubFactory(ProgrammeProviderFactory)
    name = factory.Sequence(lambda n: f"Vocational Programme {n}")
    kind = Programme.Kind.VOCATIONAL
    sector = "F"
    region = "GB-MAN"
    duration_weeks = 12
    description = "Practical training with a recognised qualification."

    class Meta:
        model = Programme
        skip_postgeneration_save = True

    @factory.post_generation
    def skills(programme, create, extracted, **kwargs):
        if create and extracted:
            programme.skills_taught.add(*extracted)

    @factory.post_generation
    def certifications(programme, create, extracted, **kwargs):
        if create and extracted:
            programme.certifications_awarded.add(*extracted)


class GraduateFactory(factory.django.DjangoModelFactory):
    """A matchable graduate: seeking, verified provider, current consent, marked personal data.

    skills: extra skills (list of Skill); certifications: list of Certification;
    programmes: list of Programme (completed a year ago), or a dict {Programme: completed_on};
    consent: False for no consent row; personal_data: False for none.
    """

    provider = factory.SubFactory(ProgrammeProviderFactory)
    status = Graduate.Status.SEEKING
    available_from = factory.LazyFunction(lambda: datetime.date.today())
    preferred_regions = factory.LazyFunction(lambda: ["GB-MAN"])
    preferred_sectors = factory.LazyFunction(list)
    preferred_employment_types = factory.LazyFunction(list)
    personal_statement = factory.Sequence(lambda n: f"{PERSONAL_MARKER_PREFIX}-statement-{n} I want to work.")

    class Meta:
        model = Graduate
        skip_postgeneration_save = True

    @factory.post_generation
    def consent(graduate, create, extracted, **kwargs):
        if create and extracted is not False:
            MatchingConsent.objects.create(
                graduate=graduate,
                given_on=datetime.date.today() - datetime.timedelta(days=30),
                method=MatchingConsent.Method.SIGNED_FORM,
            )

    @factory.post_generation
    def personal_data(graduate, create, extracted, **kwargs):
        if create and extracted is not False:
            n = graduate.pk
            GraduatePersonalData.objects.create(
                graduate=graduate,
                full_name=f"{PERSONAL_MARKER_PREFIX}name{n} Person",
                email=f"{PERSONAL_MARKER_PREFIX.lower()}mail{n}@example.net",
                phone=f"+44 7700 9{n:05d}",
                notes=f"{PERSONAL_MARKER_PREFIX}-notes-{n} private note.",
            )

    @factory.post_generation
    def skills(graduate, create, extracted, **kwargs):
        if create and extracted:
            graduate.extra_skills.add(*extracted)

    @factory.post_generation
    def certifications(graduate, create, extracted, **kwargs):
        if create and extracted:
            graduate.certifications.add(*extracted)

    @factory.post_generation
    def programmes(graduate, create, extracted, **kwargs):
        if create and extracted:
            if not isinstance(extracted, dict):
                completed = datetime.date.today() - datetime.timedelta(days=365)
                extracted = dict.fromkeys(extracted, completed)
            GraduateProgramme.objects.bulk_create(
                GraduateProgramme(graduate=graduate, programme=programme, completed_on=on)
                for programme, on in extracted.items()
            )


def personal_markers(graduate):
    """The unique strings of a graduate's personal data and statement (none may leak to employers)."""
    data = GraduatePersonalData.objects.filter(graduate=graduate).first()
    markers = [graduate.personal_statement.split()[0]] if graduate.personal_statement else []
    if data:
        markers += [data.full_name.split()[0], data.email, data.phone, data.notes.split()[0]]
    return markers


__all__ = [
    "PERSONAL_MARKER_PREFIX",
    "CoordinatorFactory",
    "GraduateFactory",
    "PendingProviderFactory",
    "ProgrammeFactory",
    "ProgrammeProviderFactory",
    "ProviderStaffFactory",
    "SuspendedProviderFactory",
    "personal_markers",
]
