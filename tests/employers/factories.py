"""Shared factories of the employer side: organisations, members, verified users, hiring pledges."""

import factory
from allauth.account.models import EmailAddress

from employers.models import Employer, HiringPledge, Membership, PledgeCommitment
from employers.models.pledges import PLEDGE_TERM
from tests.portal.factories import UserFactory


class VerifiedUserFactory(UserFactory):
    """A user whose e-mail address is verified (allauth), as the employer area's gate requires."""

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def verified_email(user, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.get_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )


class EmployerFactory(factory.django.DjangoModelFactory):
    """A verified organisation (use PendingEmployerFactory / SuspendedEmployerFactory otherwise)."""

    name = factory.Sequence(lambda n: f"Fair Employer {n}")
    sector = "I"
    size_band = "10-49"
    head_office_region = "GB-MAN"
    status = Employer.Status.VERIFIED

    class Meta:
        model = Employer


class PendingEmployerFactory(EmployerFactory):
    status = Employer.Status.PENDING


class SuspendedEmployerFactory(EmployerFactory):
    status = Employer.Status.SUSPENDED
    status_reason = "Suspended in a test."


class MembershipFactory(factory.django.DjangoModelFactory):
    """A member with a verified e-mail address; the role defaults to recruiter (least rights)."""

    employer = factory.SubFactory(EmployerFactory)
    user = factory.SubFactory(VerifiedUserFactory)
    role = Membership.Role.RECRUITER

    class Meta:
        model = Membership


class OwnerFactory(MembershipFactory):
    role = Membership.Role.OWNER


class RecruiterFactory(MembershipFactory):
    role = Membership.Role.RECRUITER


def default_commitments():
    """The first three current commitments, with a number of 5 where one is needed."""
    return {c: (5 if c.needs_number else None) for c in PledgeCommitment.objects.current()[:3]}


class HiringPledgeFactory(factory.django.DjangoModelFactory):
    """A pledge made through HiringPledge.sign (reference, 12-month term, signal).

    commitments: a dict {PledgeCommitment: number or None}, or a list of PledgeCommitments (numbered
    ones get 5); by default the first three current commitments. user: by default the employer's
    first owner, if any. signed_at: back-date the pledge (its expiry follows, 12 months later);
    prefer time_machine when the reference's year matters.
    """

    employer = factory.SubFactory(EmployerFactory)
    user = None
    commitments = None
    signatory_name = "Sam Signer"
    signatory_title = "Managing Director"
    is_public = True
    signed_at = None

    class Meta:
        model = HiringPledge

    @classmethod
    def _create(cls, model_class, *args, employer, user, commitments, signed_at, **kwargs):
        if commitments is None:
            commitments = default_commitments()
        elif not isinstance(commitments, dict):
            commitments = {c: (5 if c.needs_number else None) for c in commitments}
        if user is None:
            owner = employer.memberships.filter(role=Membership.Role.OWNER).select_related("user").first()
            user = owner.user if owner else None
        pledge = model_class.sign(employer=employer, user=user, commitments=commitments, **kwargs)
        if signed_at is not None:
            pledge.signed_at, pledge.expires_at = signed_at, signed_at + PLEDGE_TERM
            pledge.save(update_fields=["signed_at", "expires_at"])
        return pledge

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise NotImplementedError("HiringPledgeFactory only creates (through HiringPledge.sign).")


def owner_of(employer=None, **user_fields):
    """A verified user who owns `employer` (a new verified employer by default): (user, employer)."""
    membership = OwnerFactory(employer=employer or EmployerFactory(), user=VerifiedUserFactory(**user_fields))
    return membership.user, membership.employer


__all__ = [
    "CertificationFactory",
    "DraftJobFactory",
    "EmployerFactory",
    "JobListingFactory",
    "PendingJobFactory",
    "SkillFactory",
    "HiringPledgeFactory",
    "MembershipFactory",
    "OwnerFactory",
    "PendingEmployerFactory",
    "RecruiterFactory",
    "SuspendedEmployerFactory",
    "VerifiedUserFactory",
    "default_commitments",
    "owner_of",
]


# Jobs: skills, certifications and listings (appended for issue 4).
from django.utils import timezone  # noqa: E402

from jobs.models import JobCertification, JobListing, JobSkill  # noqa: E402
from taxonomy.models import Certification, Skill  # noqa: E402


class SkillFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Skill {n}")
    area = "hospitality"

    class Meta:
        model = Skill
        django_get_or_create = ("name",)


class CertificationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Certificate {n}")
    awarding_body = "Awarding Body"

    class Meta:
        model = Certification
        django_get_or_create = ("name",)


def _links(items):
    """A list (all required) or a dict {item: required} of skills or certifications."""
    if isinstance(items, dict):
        return list(items.items())
    return [(item, True) for item in items]


class JobListingFactory(factory.django.DjangoModelFactory):
    """A published listing of a verified employer (DraftJobFactory, PendingJobFactory otherwise).

    skills / certifications: a list (all required) or a dict {Skill: required} to link.
    """

    employer = factory.SubFactory(EmployerFactory)
    title = factory.Sequence(lambda n: f"Kitchen Assistant {n}")
    description = "<p>Prepare food and keep the kitchen clean. Training given.</p>"
    sector = "I"
    region = "GB-MAN"
    place = "Manchester"
    employment_type = "full-time"
    hours_per_week = 37.5
    pay_min = 11.50
    pay_max = 13.00
    pay_period = "hour"
    fair_chance_statement = "We welcome applicants with convictions and assess records individually."
    status = JobListing.Status.PUBLISHED
    submitted_at = factory.LazyFunction(timezone.now)
    published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = JobListing
        skip_postgeneration_save = True

    @factory.post_generation
    def skills(job, create, extracted, **kwargs):
        if create and extracted:
            JobSkill.objects.bulk_create(
                JobSkill(job=job, skill=skill, required=required) for skill, required in _links(extracted)
            )

    @factory.post_generation
    def certifications(job, create, extracted, **kwargs):
        if create and extracted:
            JobCertification.objects.bulk_create(
                JobCertification(job=job, certification=item, required=required)
                for item, required in _links(extracted)
            )


class DraftJobFactory(JobListingFactory):
    status = JobListing.Status.DRAFT
    submitted_at = None
    published_at = None


class PendingJobFactory(JobListingFactory):
    status = JobListing.Status.PENDING
    published_at = None
