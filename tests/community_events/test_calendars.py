"""Calendar files: valid iCalendar, stable UID, SEQUENCE rising with each announced change,
the online link only in an attendee's own file; and the feeds by kind."""

import datetime

import pytest
from django.core import mail
from icalendar import Calendar

from community_events.models import SignUpSheet
from tests.community_events.factories import (
    AttendeeFactory,
    EventPageFactory,
    OnlineEventPageFactory,
    PastEventPageFactory,
    WaitingAttendeeFactory,
)


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def only_event(calendar):
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def test_an_event_file_is_valid_icalendar_with_its_zone(client, event_index):
    event = EventPageFactory(parent=event_index, title="Job fair", time_zone="Europe/Paris")
    calendar = parse(client.get(f"{event.url}calendar.ics"))
    entry = only_event(calendar)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert str(entry["UID"]) == f"event-{event.translation_key}@second-chance-portal"
    assert entry["DTSTAMP"]
    assert entry["DTSTART"].params["TZID"] == "Europe/Paris"
    assert entry.decoded("DTSTART") == event.start
    assert entry.decoded("DTEND") == event.end
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    assert int(entry["SEQUENCE"]) == 0
    assert str(entry["STATUS"]) == "CONFIRMED"
    assert str(entry["URL"]) == f"http://testserver{event.url}"
    assert "Town Hall" in str(entry["LOCATION"])


def test_events_inside_a_campaign_have_their_file_too(client, campaign_index):
    from tests.campaigns.factories import LiveCampaignPageFactory

    campaign = LiveCampaignPageFactory(parent=campaign_index)
    event = EventPageFactory(parent=campaign)
    assert event.url.startswith(campaign.url)
    only_event(parse(client.get(f"{event.url}calendar.ics")))
    assert client.get(f"{campaign.url}calendar.ics").status_code == 404


def publish_change(event, **changes):
    for field, value in changes.items():
        setattr(event, field, value)
    event.save_revision().publish()
    event.refresh_from_db()
    return event


def test_a_change_of_time_raises_the_sequence_and_tells_attendees(client, event_index):
    event = EventPageFactory(parent=event_index, capacity=1)
    event.save_revision().publish()
    confirmed = AttendeeFactory(event=event, language="fr")
    waiting = WaitingAttendeeFactory(event=event)
    uid = str(only_event(parse(client.get(f"{event.url}calendar.ics")))["UID"])

    publish_change(event, title="Job fair (new title)")  # not a change of time or place
    assert not mail.outbox, [(m.subject, m.to) for m in mail.outbox]
    assert SignUpSheet.objects.get().sequence == 0

    publish_change(
        event, start=event.start + datetime.timedelta(hours=1), end=event.end + datetime.timedelta(hours=1)
    )
    entry = only_event(parse(client.get(f"{event.url}calendar.ics")))
    assert int(entry["SEQUENCE"]) == 1 and str(entry["UID"]) == uid
    assert sorted(message.to[0] for message in mail.outbox) == sorted([confirmed.email, waiting.email])
    french = next(message for message in mail.outbox if message.to == [confirmed.email])
    assert french.extra_headers.get("Content-Language") == "fr"

    mail.outbox.clear()
    publish_change(event, cancelled=True, cancellation_reason="The hall flooded.")
    entry = only_event(parse(client.get(f"{event.url}calendar.ics")))
    assert int(entry["SEQUENCE"]) == 2 and str(entry["STATUS"]) == "CANCELLED"
    assert len(mail.outbox) == 2
    assert all("The hall flooded." in message.body for message in mail.outbox)


def test_more_places_move_the_waiting_list_up(client, event_index):
    event = EventPageFactory(parent=event_index, capacity=1)
    event.save_revision().publish()
    AttendeeFactory(event=event)
    waiting = WaitingAttendeeFactory(event=event)
    publish_change(event, capacity=2)
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert [message.to for message in mail.outbox] == [[waiting.email]]


def test_the_online_link_is_only_in_the_attendees_own_file(client, event_index):
    event = OnlineEventPageFactory(parent=event_index, capacity=1)
    confirmed = AttendeeFactory(event=event)
    waiting = WaitingAttendeeFactory(event=event)
    public = only_event(parse(client.get(f"{event.url}calendar.ics")))
    assert event.online_link not in public.to_ical().decode()
    own = only_event(parse(client.get(f"/events/place/{confirmed.attendee_token()}/calendar.ics")))
    assert event.online_link in own.to_ical().decode()
    assert str(own["UID"]) == str(public["UID"])
    not_yet = only_event(parse(client.get(f"/events/place/{waiting.attendee_token()}/calendar.ics")))
    assert event.online_link not in not_yet.to_ical().decode()


def test_feeds_per_kind_and_for_all(client, event_index):
    fair = EventPageFactory(parent=event_index)
    session = OnlineEventPageFactory(parent=event_index)
    past = PastEventPageFactory(parent=event_index)
    everything = parse(client.get("/events/feed.ics"))
    uids = {str(entry["UID"]) for entry in everything.walk("VEVENT")}
    assert uids == {event.calendar_uid() for event in (fair, session, past)}
    fairs = parse(client.get("/events/feed/job-fair.ics"))
    assert [str(entry["SUMMARY"]) for entry in fairs.walk("VEVENT")] == [fair.title]
    assert session.online_link not in client.get("/events/feed.ics").content.decode()
    assert client.get("/events/feed/nonsense.ics").status_code == 404


@pytest.mark.parametrize("kind", ["job-fair", "employer-session", "open-day", "community", "training"])
def test_every_kind_has_a_feed(client, event_index, kind):
    parse(client.get(f"/events/feed/{kind}.ics"))
