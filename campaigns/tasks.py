from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from portal.languages import default_language, supported
from portal.mail import language_context, localise_text, render_subject, send_email

from .models import SupporterPledge

EVENTS = ("pledge_confirmation", "pledge_confirmed")


@task()
def send_pledge_email(pledge_id, event, base_url):
    """One template per event; each e-mail carries the link that erases the pledge.

    Written in the language the supporter signed in, whatever language the task runs in."""
    if event not in EVENTS:
        raise ValueError(f"Unknown pledge e-mail event {event!r}")
    pledge = SupporterPledge.objects.select_related("campaign").filter(pk=pledge_id).first()
    if pledge is None:  # erased before the e-mail went out
        return False
    language = supported(pledge.language) or default_language()
    with translation.override(language):
        context = {
            "pledge": pledge,
            "campaign": pledge.campaign,
            "confirm_url": f"{base_url}/support/confirm/{pledge.confirmation_token()}/",
            "erase_url": f"{base_url}/support/erase/{pledge.erasure_token()}/",
            "campaign_url": f"{base_url}{pledge.campaign.url}",
            **language_context(language),
        }
        subject = render_subject(f"campaigns/email/{event}_subject.txt", context)
        body = localise_text(render_to_string(f"campaigns/email/{event}.txt", context), language)
    # Delivery is its own task, retried with a backoff while the mail server refuses.
    send_email(subject, body, [pledge.email], language=language)
    return True
