"""Events and attendees in each state; the demo content reuses the shapes."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from community_events.models import Attendance, Attendee, EventIndexPage, EventKind, EventPage, SignUpSheet


def in_days(days, hour=10):
    moment = timezone.now() + datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"
    introduction = "Meet employers, trainers and neighbours."

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    """An upcoming job fair in person; pass `parent=event_index` (or a campaign)."""

    title = factory.Sequence(lambda n: f"Job fair {n}")
    slug = factory.Sequence(lambda n: f"job-fair-{n}")
    kind = EventKind.JOB_FAIR
    summary = "Meet employers who hire people with convictions."
    start = factory.LazyFunction(lambda: in_days(10))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=4))
    time_zone = "Europe/London"
    attendance = Attendance.IN_PERSON
    venue_name = "Town Hall"
    venue_address = "1 Market Street\nManchester"
    region = "GB-MAN"
    organiser = "Second Chance Portal"
    capacity = None

    class Meta:
        model = EventPage


class OnlineEventPageFactory(EventPageFactory):
    title = factory.Sequence(lambda n: f"Information session {n}")
    slug = factory.Sequence(lambda n: f"information-session-{n}")
    kind = EventKind.EMPLOYER_SESSION
    attendance = Attendance.ONLINE
    venue_name = ""
    venue_address = ""
    region = ""
    online_link = "https://meet.example.org/secret-room-42"


class PastEventPageFactory(EventPageFactory):
    title = factory.Sequence(lambda n: f"Past open day {n}")
    slug = factory.Sequence(lambda n: f"past-open-day-{n}")
    kind = EventKind.OPEN_DAY
    start = factory.LazyFunction(lambda: in_days(-20))
    outcome_summary = "Forty people came; six employers met graduates."


class AttendeeFactory(factory.django.DjangoModelFactory):
    """A confirmed attendee; pass `event=` (or `sheet=`)."""

    class Params:
        event = None

    sheet = factory.LazyAttribute(lambda o: SignUpSheet.for_event(o.event))
    email = factory.Sequence(lambda n: f"attendee{n}@example.org")
    name = factory.Sequence(lambda n: f"Attendee {n}")
    status = Attendee.Status.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)
    language = "en-gb"

    class Meta:
        model = Attendee


class PendingAttendeeFactory(AttendeeFactory):
    status = Attendee.Status.PENDING
    confirmed_at = None


class WaitingAttendeeFactory(AttendeeFactory):
    status = Attendee.Status.WAITING
    queued_at = factory.LazyFunction(timezone.now)
