"""Who may see what a job seeker sent with an application, written once.

Everything in an application (the cover note, and the profile and CV when the seeker chose to
send them) goes only to the organisation that posted the job: employer views look applications up
with `Application.objects.to_employer(request.employer)`, so another organisation's application is
a 404. The seekers app's own profile and CV pages open to an employer only where the seeker sent
both to it (`applied_with_profile_and_cv`, registered as a ground in seekers.access); what was sent
without the CV is shown in the applications inbox only, without it.

A programme provider the seeker linked to (link confirmed) sees the list of applications (job,
employer, status, dates) to support them, not what was sent.
"""

from django.db.models import Q

from applications.models import Application, erase_applications_of
from partners.models import ProviderStaff
from seekers.access import visible_to_provider
from seekers.models import ProviderLink


def applied_with_profile_and_cv(employer):
    """A withdrawn application takes its profile and CV back with it."""
    return Q(
        applications__job__employer=employer,
        applications__shares_profile=True,
        applications__shares_cv=True,
        applications__status__in=set(Application.Status) - {Application.Status.WITHDRAWN},
    )


def sent_cv(application):
    """The CV goes with the application only where the seeker chose it, has one, still exists, and
    has not withdrawn the application."""
    seeker = application.seeker
    return (
        application.shares_cv
        and seeker.has_cv
        and not seeker.is_erased
        and application.status != Application.Status.WITHDRAWN
    )


def sent_profile(application):
    return (
        application.shares_profile
        and not application.seeker.is_erased
        and application.status != Application.Status.WITHDRAWN
    )


def applications_for_provider(provider):
    """Applications of the seekers linked to `provider` (confirmed), newest first."""
    return Application.objects.filter(seeker__in=visible_to_provider(provider))


def linked_provider_addresses(hire):
    """The staff of the providers a hired job seeker is linked to (for the retention checks)."""
    if not hire.application_id:
        return []
    providers = (
        ProviderLink.objects.confirmed().filter(seeker_id=hire.application.seeker_id).values("provider_id")
    )
    staff = ProviderStaff.objects.filter(provider_id__in=providers, user__is_active=True)
    return [email for email in staff.values_list("user__email", flat=True) if email]


def erased_seeker(sender, instance, raw=False, **kwargs):
    if not raw and instance.erased_at is not None:
        erase_applications_of(instance)
