from django.template.loader import render_to_string
from django_tasks import task

from portal.mail import render_subject, send_email

from .models import SupporterPledge

EVENTS = ("pledge_confirmation", "pledge_confirmed")


@task()
def send_pledge_email(pledge_id, event, base_url):
    """One template per event; each e-mail carries the link that erases the pledge."""
    if event not in EVENTS:
        raise ValueError(f"Unknown pledge e-mail event {event!r}")
    pledge = SupporterPledge.objects.select_related("campaign").filter(pk=pledge_id).first()
    if pledge is None:  # erased before the e-mail went out
        return False
    context = {
        "pledge": pledge,
        "campaign": pledge.campaign,
        "confirm_url": f"{base_url}/support/confirm/{pledge.confirmation_token()}/",
        "erase_url": f"{base_url}/support/erase/{pledge.erasure_token()}/",
        "campaign_url": f"{base_url}{pledge.campaign.url}",
    }
    subject = render_subject(f"campaigns/email/{event}_subject.txt", context)
    body = render_to_string(f"campaigns/email/{event}.txt", context)
    # Delivery is its own task, retried with a backoff while the mail server refuses.
    send_email(subject, body, [pledge.email])
    return True
