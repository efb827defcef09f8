"""E-mails to an organisation's owners when campaign staff verify or suspend it, and to the
owners and the author of a job listing when staff approve or reject it.

Wired by importing this module from employers/listeners.py (EmployersConfig.ready()).
"""

import logging

from django.dispatch import receiver
from django.urls import reverse

from portal.addresses import absolute_url

from .emails import owner_addresses, send_event_email
from .models import Employer, JobListing
from .signals import employer_status_changed, job_state_changed

logger = logging.getLogger(__name__)

# One template pair per event: templates/employers/email/<event>_subject.txt and <event>.txt.
EVENTS = {
    Employer.Status.VERIFIED: "employer_verified",
    Employer.Status.SUSPENDED: "employer_suspended",
}


@receiver(employer_status_changed, sender=Employer, dispatch_uid="employers.notifications.email_owners")
def email_owners_of_status_change(sender, employer, previous, **kwargs):
    """Tell the owners their organisation is verified or suspended, with the reason staff gave."""
    event = EVENTS.get(employer.status)
    if event is None or previous == employer.status:
        return
    context = {"employer": employer, "previous": previous, "reason": employer.status_reason}
    try:
        send_event_email(event, owner_addresses(employer), context)
    except Exception:
        # The change itself is saved and in the history; a mail server failing must not undo it
        # or show staff an error page.
        logger.exception("Could not send %s to the owners of employer %s", event, employer.pk)


# -- Job listings: the employer hears when staff approve or reject a listing -----------------------

JOB_EVENTS = {
    "approve": "job_approved",
    "reject": "job_rejected",
}


def job_recipients(job):
    """The organisation's owners and whoever wrote the listing, each address once."""
    addresses = list(owner_addresses(job.employer))
    author = job.created_by
    if author is not None and author.email:
        addresses.append(author.email)
    recipients, seen = [], set()
    for address in addresses:
        if address.lower() not in seen:
            seen.add(address.lower())
            recipients.append(address)
    return recipients


@receiver(job_state_changed, sender=JobListing, dispatch_uid="employers.notifications.email_job_decision")
def email_job_decision(sender, job, action, **kwargs):
    """Tell the employer a listing is published, or rejected with the reason staff gave."""
    event = JOB_EVENTS.get(action)
    if event is None:
        return
    try:
        context = {
            "job": job,
            "employer": job.employer,
            "reason": job.rejection_reason,
            "job_url": absolute_url(job.get_absolute_url()),
            "area_url": absolute_url(reverse("employers:job_detail", args=[job.pk])),
        }
        send_event_email(event, job_recipients(job), context)
    except Exception:
        # The decision is saved and in the history; a mail server failing must not undo it or
        # show staff an error page.
        logger.exception("Could not send %s for job listing %s", event, job.pk)
