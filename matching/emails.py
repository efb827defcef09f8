"""E-mails about introductions, hires and retention checks: one template pair per event."""

from portal.mail import send_event_email as send_template_email


def send_event_email(event, recipients, context):
    """Render matching/email/<event>_subject.txt and <event>.txt and queue them for sending."""
    return send_template_email(f"matching/email/{event}", recipients, context)
