"""E-mails of the employer side: one template pair (subject, body) per event."""

from django.template.loader import render_to_string

from portal.addresses import site_url
from portal.mail import render_subject, send_email


def send_event_email(event, recipients, context):
    """Render employers/email/<event>_subject.txt and <event>.txt and queue them for sending
    (retried by the task queue while the mail server refuses); returns the recipients' count."""
    if not recipients:
        return 0
    context = {"site_url": site_url(), **context}
    subject = render_subject(f"employers/email/{event}_subject.txt", context)
    body = render_to_string(f"employers/email/{event}.txt", context)
    return send_email(subject, body, list(recipients))


def owner_addresses(employer):
    return [m.user.email for m in employer.memberships.filter(role="owner").select_related("user")]


def send_invitation(invitation, accept_url):
    return send_event_email(
        "invitation",
        [invitation.email],
        {"invitation": invitation, "employer": invitation.employer, "accept_url": accept_url},
    )
