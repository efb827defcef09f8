"""E-mails to the owners and the author of a job listing when staff approve or reject it."""

import logging

from django.dispatch import receiver
from django.urls import reverse

from employers.emails import owner_addresses
from jobs.emails import send_event_email
from jobs.models import JobListing
from jobs.signals import job_state_changed
from portal.addresses import absolute_url

logger = logging.getLogger(__name__)

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


@receiver(job_state_changed, sender=JobListing, dispatch_uid="jobs.notifications.email_job_decision")
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
