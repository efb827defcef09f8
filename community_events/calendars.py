"""iCalendar files (RFC 5545, written with the `icalendar` library): one event, a feed per kind.

A calendar application keeps an event by its UID and replaces it when a file brings a higher
SEQUENCE, so the UID never changes (it is the translations' shared key) and SEQUENCE is the
sign-up sheet's count of announced changes. Times carry their TZID, with a VTIMEZONE for each
zone used. The online link is written only into an attendee's own file (`online_link=True`).
"""

import datetime

from django.utils import timezone
from icalendar import Calendar, Event

from portal.addresses import absolute_url

PRODUCT = "-//Second Chance Portal//Events//EN"


def _calendar(name):
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def _location(event):
    parts = [event.venue_name, " ".join(event.venue_address.split())] if event.is_in_person else []
    return ", ".join(part for part in parts if part)


def vevent(event, sequence, *, online_link=False, stamp=None):
    entry = Event()
    entry.add("uid", event.calendar_uid())
    entry.add("dtstamp", stamp or timezone.now())
    entry.add("dtstart", event.local_start)
    entry.add("dtend", event.local_end)
    entry.add("sequence", sequence)
    entry.add("summary", event.title)
    entry.add("description", event.summary)
    entry.add("url", absolute_url(event.url or "/"))
    location = _location(event)
    if online_link and event.is_online and event.online_link:
        location = ", ".join(part for part in (location, event.online_link) if part)
        entry.add("conference", event.online_link, parameters={"VALUE": "URI"})
    if location:
        entry.add("location", location)
    entry.add("organizer", f"mailto:events@{_host()}", parameters={"CN": event.organiser})
    entry.add("categories", [event.get_kind_display()])
    entry.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    entry.add("last-modified", event.last_published_at or event.latest_revision_created_at or timezone.now())
    return entry


def _host():
    return absolute_url("/").split("//", 1)[-1].strip("/").split(":")[0] or "localhost"


def _with_zones(calendar, events):
    if events:
        first = min(event.start for event in events).date() - datetime.timedelta(days=1)
        last = max(event.end for event in events).date() + datetime.timedelta(days=1)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar


def event_calendar(event, sequence, *, online_link=False):
    calendar = _calendar(event.title)
    calendar.add_component(vevent(event, sequence, online_link=online_link))
    return _with_zones(calendar, [event]).to_ical()


def feed_calendar(name, events, sequences):
    """`sequences`: {source event id: SEQUENCE}, read in one query by the caller."""
    calendar = _calendar(name)
    for event, sequence in zip(events, sequences, strict=True):
        calendar.add_component(vevent(event, sequence))
    return _with_zones(calendar, events).to_ical()
