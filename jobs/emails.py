"""E-mails about job listings: one template pair (subject, body) per event."""

from portal.mail import send_event_email as send_template_email


def send_event_email(event, recipients, context):
    """Render jobs/email/<event>_subject.txt and <event>.txt and queue them for sending."""
    return send_template_email(f"jobs/email/{event}", recipients, context)
