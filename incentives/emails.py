"""E-mails about incentive deadlines: one template pair (subject, body) per event."""

from portal.mail import send_event_email as send_template_email


def send_event_email(event, recipients, context):
    """Render incentives/email/<event>_subject.txt and <event>.txt and queue them for sending."""
    return send_template_email(f"incentives/email/{event}", recipients, context)
