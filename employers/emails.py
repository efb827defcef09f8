"""E-mails of the employer side: one template pair (subject, body) per event."""

from django.utils import translation

from portal.mail import send_event_email as send_template_email


def send_event_email(event, recipients, context, fallback=None):
    """Render employers/email/<event>_subject.txt and <event>.txt and queue them for sending, in
    each recipient's language."""
    return send_template_email(f"employers/email/{event}", recipients, context, fallback=fallback)


def owner_addresses(employer):
    return [m.user.email for m in employer.memberships.filter(role="owner").select_related("user")]


def send_invitation(invitation, accept_url):
    return send_event_email(
        "invitation",
        [invitation.email],
        {"invitation": invitation, "employer": invitation.employer, "accept_url": accept_url},
        # Someone without an account yet reads it in the language the inviter was working in.
        fallback=translation.get_language(),
    )
