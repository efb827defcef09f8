"""Reminders a day before: confirmed attendees only, each once however often the command runs."""

import datetime

from django.core import mail
from django.core.management import call_command

from community_events.models import Attendee
from tests.community_events.factories import (
    AttendeeFactory,
    EventPageFactory,
    OnlineEventPageFactory,
    PendingAttendeeFactory,
    WaitingAttendeeFactory,
    in_days,
)


def test_confirmed_attendees_of_tomorrows_events_are_reminded_once(event_index, capsys):
    tomorrow = OnlineEventPageFactory(
        parent=event_index, start=in_days(0) + datetime.timedelta(hours=20), capacity=1
    )
    next_week = EventPageFactory(parent=event_index, start=in_days(7))
    cancelled = EventPageFactory(
        parent=event_index,
        start=in_days(0) + datetime.timedelta(hours=20),
        cancelled=True,
        cancellation_reason="x",
    )
    coming = AttendeeFactory(event=tomorrow, language="es")
    WaitingAttendeeFactory(event=tomorrow)
    PendingAttendeeFactory(event=tomorrow)
    AttendeeFactory(event=next_week)
    AttendeeFactory(event=cancelled)
    AttendeeFactory(event=tomorrow, status=Attendee.Status.CANCELLED)

    call_command("send_event_reminders")
    assert "Reminded 1 attendee." in capsys.readouterr().out
    assert [message.to for message in mail.outbox] == [[coming.email]]
    reminder = mail.outbox[0]
    assert reminder.extra_headers["Content-Language"] == "es"
    assert tomorrow.online_link in reminder.body  # a confirmed attendee's e-mail carries the link
    assert "/es/events/place/" in reminder.body and "/cancel/" in reminder.body

    call_command("send_event_reminders")
    assert "Reminded 0 attendees." in capsys.readouterr().out
    assert len(mail.outbox) == 1


def test_every_email_carries_a_cancellation_link(client, event_index):
    event = EventPageFactory(parent=event_index, capacity=1)
    client.post(
        f"/events/sign-up/{event.pk}/",
        {"name": "Jo", "email": "jo@example.org", "consent": "on"},
    )
    assert "/cancel/" in mail.outbox[0].body


def test_retention_deletes_unconfirmed_sign_ups_and_erases_old_attendees(event_index):
    import time_machine
    from django.utils import timezone

    from tests.community_events.factories import PastEventPageFactory

    old = PastEventPageFactory(parent=event_index, start=in_days(-500))
    recent = EventPageFactory(parent=event_index)
    came = AttendeeFactory(event=old, name="Old Attendee", accessibility_needs="Ramp", presence="attended")
    AttendeeFactory(event=old, email="second@example.org")
    with time_machine.travel(timezone.now() - datetime.timedelta(days=200)):
        stale = PendingAttendeeFactory(event=recent)
    fresh = PendingAttendeeFactory(event=recent)
    keep = AttendeeFactory(event=recent, name="Recent Attendee")

    call_command("enforce_retention")
    assert not Attendee.objects.filter(pk=stale.pk).exists()
    assert Attendee.objects.filter(pk=fresh.pk).exists()
    came.refresh_from_db()
    assert (came.name, came.accessibility_needs, came.presence) == ("", "", "attended")
    assert came.email.endswith("@erased.invalid")
    assert Attendee.objects.filter(email__endswith="@erased.invalid").count() == 2
    keep.refresh_from_db()
    assert keep.name == "Recent Attendee"
    call_command("enforce_retention")  # again: nothing changes twice
    assert Attendee.objects.filter(email__endswith="@erased.invalid").count() == 2
