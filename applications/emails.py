"""E-mails of the applications app: one template pair per event (applications/email/<event>),
each written in its recipient's language (portal.mail picks it from their account).

The seeker hears of every change to their application. The employer's members hear that an
application arrived, by the seeker's reference only: what was sent is read in the inbox, where
each view is audited, never in a mailbox.
"""

from django.urls import reverse

from employers.models import Membership
from portal.addresses import site_url
from portal.mail import send_event_email as send_template_email

# The changes the seeker is told about (their own withdrawal is not one of them).
TOLD_TO_SEEKER = {"view", "shortlist", "invite", "offer", "hire", "turn_down"}


def send_event_email(event, recipients, context):
    """Render applications/email/<event>_subject.txt and <event>.txt and queue them for sending."""
    return send_template_email(f"applications/email/{event}", recipients, context)


def _seeker_address(seeker):
    return [seeker.user.email] if seeker.user_id and seeker.user.email else []


def application_changed(sender, application, action, previous, **kwargs):
    if action not in TOLD_TO_SEEKER:
        return 0
    job = application.job
    return send_event_email(
        f"application_{application.status.replace('-', '_')}",
        _seeker_address(application.seeker),
        {
            "application": application,
            "job": job,
            "employer": job.employer,
            "reason": application.get_rejection_reason_display() if application.rejection_reason else "",
            "message": application.employer_message,
            "application_url": site_url() + reverse("applications:detail", args=[application.pk]),
        },
    )


def application_received(application):
    job = application.job
    members = Membership.objects.filter(employer_id=job.employer_id, user__is_active=True).values_list(
        "user__email", flat=True
    )
    return send_event_email(
        "application_received",
        [email for email in members if email],
        {
            "job": job,
            "reference": application.seeker.reference,
            "inbox_url": site_url() + reverse("employers:job_applications", args=[job.pk]),
        },
    )
