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
    "EmployerFactory",
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
