"""Receivers of the employer side, wired in EmployersConfig.ready()."""

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.dispatch import receiver
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.accounts.areas import Area, account_areas
from portal.accounts.signals import account_deletion_blockers

from .models import Membership, ProviderStaff


@receiver(account_deletion_blockers)
def last_owner_cannot_delete_account(sender, user, **kwargs):
    """An organisation must never be left without an owner."""
    reasons = []
    owned = Membership.objects.filter(user=user, role=Membership.Role.OWNER).select_related("employer")
    for membership in owned:
        employer = membership.employer
        if employer.memberships.filter(role=Membership.Role.OWNER).exclude(user=user).exists():
            continue  # another owner carries on
        if employer.memberships.exclude(user=user).exists():
            reasons.append(
                _("You are the only owner of %(name)s. Hand over ownership to another member first.")
                % {"name": employer.name}
            )
        else:
            reasons.append(
                _(
                    "You are the only member of %(name)s. Invite someone and make them owner, "
                    "or ask campaign staff to close the organisation."
                )
                % {"name": employer.name}
            )
    return reasons


@receiver(account_areas)
def employer_and_partner_areas(sender, user, **kwargs):
    """Programme staff work in /partner/, members of an organisation in /employer/."""
    # Both questions in one query: the site header asks them on every page a person sees.
    partner, employer = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .values_list(
            Exists(ProviderStaff.objects.filter(user=OuterRef("pk"))),
            Exists(Membership.objects.filter(user=OuterRef("pk"))),
        )
        .first()
    ) or (False, False)
    areas = []
    if partner:
        areas.append(Area("partner", gettext_lazy("Partner area"), "/partner/", 10))
    if employer:
        areas.append(Area("employer", gettext_lazy("Employer area"), "/employer/", 20))
    return areas
