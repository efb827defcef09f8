"""Receivers of the employer side, wired in EmployersConfig.ready()."""

from django.dispatch import receiver
from django.utils.translation import gettext as _

from employers.models import Membership
from portal.accounts.signals import account_deletion_blockers


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
