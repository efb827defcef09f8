"""E-mails of the volunteers app: one template pair per event (volunteers/email/<event>)."""

from portal.mail import send_event_email as send_template_email


def send_event_email(event, recipients, context, language=None):
    """Render volunteers/email/<event>_subject.txt and <event>.txt and queue them for sending."""
    return send_template_email(f"volunteers/email/{event}", recipients, context, language=language)
