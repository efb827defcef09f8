"""The e-mails of events, each in the attendee's language, and the daily reminders."""

from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from portal.addresses import absolute_url
from portal.languages import default_language, supported
from portal.mail import send_event_email

from .models import Attendee

TEMPLATES = (
    "confirm_sign_up",
    "already_signed_up",
    "place_confirmed",
    "waiting",
    "moved_up",
    "cancelled_by_you",
    "reminder",
    "event_changed",
    "event_cancelled",
)
# Only people holding a place are given the online link (and in their own calendar file).
WITH_ONLINE_LINK = {"place_confirmed", "moved_up", "reminder", "event_changed"}


def attendee_links(attendee):
    """The signed addresses of one attendee (in the active language; mail.py moves them)."""
    token = attendee.attendee_token()
    return {
        "place_url": absolute_url(reverse("events:place", args=[token])),
        "cancel_url": absolute_url(reverse("events:cancel", args=[token])),
        "calendar_url": absolute_url(reverse("events:place_calendar", args=[token])),
    }


def email_context(attendee, template):
    event = attendee.event_in_own_language()
    context = {
        "attendee": attendee,
        "event": event,
        "event_url": absolute_url(event.url or "/"),
        "events_url": absolute_url("/events/"),
        "position": attendee.waiting_position(),
        **attendee_links(attendee),
    }
    if template == "confirm_sign_up":
        context["confirm_url"] = absolute_url(reverse("events:confirm", args=[attendee.confirmation_token()]))
    if template in WITH_ONLINE_LINK and attendee.status == Attendee.Status.CONFIRMED and event.is_online:
        context["online_link"] = event.online_link
    return context


@task()
def send_attendee_email(attendee_id, template):
    """One template per moment; every one carries the attendee's cancellation link."""
    if template not in TEMPLATES:
        raise ValueError(f"Unknown event e-mail {template!r}")
    attendee = Attendee.objects.select_related("sheet__event").filter(pk=attendee_id).first()
    if attendee is None:
        return False
    language = supported(attendee.language) or default_language()
    with translation.override(language):
        context = email_context(attendee, template)
    return bool(send_event_email(f"events/email/{template}", [attendee.email], context, language=language))


@task()
def tell_attendees(sheet_id, template):
    """The event changed or was cancelled: each person confirmed or waiting gets one e-mail."""
    ids = list(Attendee.objects.filter(sheet_id=sheet_id).holding_a_place().values_list("pk", flat=True))
    for attendee_id in ids:
        send_attendee_email.enqueue(attendee_id, template)
    return len(ids)


@task()
def send_reminders():
    """Remind confirmed attendees of tomorrow's events, each once (run it as often as you like)."""
    now = timezone.now()
    sent = 0
    for attendee in Attendee.objects.due_for_reminder(now).select_related("sheet__event"):
        if attendee.claim_reminder(now):
            send_attendee_email.enqueue(attendee.pk, "reminder")
            sent += 1
    return sent
