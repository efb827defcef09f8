"""/events/ and event pages: listing and filters, past events, JSON-LD, employers taking part,
the sitemap, the query budget, and attendees' addresses kept off every public answer."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.community_events.factories import (
    AttendeeFactory,
    EventPageFactory,
    OnlineEventPageFactory,
    PastEventPageFactory,
    WaitingAttendeeFactory,
    in_days,
)
from tests.employers.factories import EmployerFactory, JobListingFactory, PendingEmployerFactory

BUDGET = 12


def titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [heading.get_text(strip=True) for heading in soup.select(".card-title")]


def test_upcoming_events_are_listed_in_order_and_past_ones_apart_with_their_summary(client, event_index):
    later = EventPageFactory(parent=event_index, title="Later fair", start=in_days(20))
    sooner = OnlineEventPageFactory(parent=event_index, title="Sooner session", start=in_days(2))
    past = PastEventPageFactory(parent=event_index, title="Spring open day")
    response = client.get("/events/")
    assert response.status_code == 200
    assert titles(response) == ["Sooner session", "Later fair", "Spring open day"]
    page = response.content.decode()
    assert page.index("Upcoming events") < page.index("Later fair") < page.index("Past events")
    assert past.outcome_summary in page
    assert later.url and sooner.url


def test_filters_by_kind_region_and_online_keep_what_was_chosen(client, event_index):
    EventPageFactory(parent=event_index, title="Fair in Manchester", region="GB-MAN")
    EventPageFactory(parent=event_index, title="Fair in Leeds", region="GB-LDS")
    OnlineEventPageFactory(parent=event_index, title="Online session")
    assert titles(client.get("/events/?kind=job-fair")) == ["Fair in Manchester", "Fair in Leeds"]
    response = client.get("/events/?kind=job-fair&region=GB-LDS")
    assert titles(response) == ["Fair in Leeds"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("select", {"name": "kind"}).find("option", selected=True)["value"] == "job-fair"
    assert soup.find("select", {"name": "region"}).find("option", selected=True)["value"] == "GB-LDS"
    assert titles(client.get("/events/?attendance=online")) == ["Online session"]
    assert titles(client.get("/events/?attendance=in-person")) == ["Fair in Manchester", "Fair in Leeds"]
    assert client.get("/events/?kind=nonsense&page=zz").status_code == 200  # bad input: all events, no error


def test_the_listing_is_paginated_and_pages_keep_the_filters(client, event_index):
    for n in range(14):
        EventPageFactory(parent=event_index, title=f"Fair {n:02}", start=in_days(n + 1))
    first = client.get("/events/?kind=job-fair")
    assert len(titles(first)) == 12
    assert 'href="?kind=job-fair&amp;page=2"' in first.content.decode()
    assert titles(client.get("/events/?kind=job-fair&page=2")) == ["Fair 12", "Fair 13"]


def test_cancelled_events_say_so(client, event_index):
    event = EventPageFactory(parent=event_index, cancelled=True, cancellation_reason="The hall flooded.")
    assert "Cancelled" in client.get("/events/").content.decode()
    page = client.get(event.url).content.decode()
    assert "This event is cancelled." in page and "The hall flooded." in page


def jsonld(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return json.loads(soup.find("script", type="application/ld+json").string)


def test_event_pages_carry_schema_org_event(client, event_index):
    event = EventPageFactory(parent=event_index, capacity=50)
    AttendeeFactory(event=event)
    data = jsonld(client.get(event.url))
    assert data["@type"] == "Event" and data["name"] == event.title
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place" and data["location"]["name"] == "Town Hall"
    assert data["maximumAttendeeCapacity"] == 50 and data["remainingAttendeeCapacity"] == 49
    assert data["organizer"]["name"] == event.organiser
    assert datetime.datetime.fromisoformat(data["startDate"]) == event.start

    online = OnlineEventPageFactory(parent=event_index, cancelled=True, cancellation_reason="Ill.")
    data = jsonld(client.get(online.url))
    assert data["location"] == {"@type": "VirtualLocation", "url": f"http://testserver{online.url}"}
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert online.online_link not in json.dumps(data)


def test_json_ld_cannot_close_its_script(client, event_index):
    event = EventPageFactory(
        parent=event_index, title="</script><script>alert(1)</script>", organiser="A & B"
    )
    page = client.get(event.url).content.decode()
    assert "</script><script>alert(1)" not in page
    assert jsonld(client.get(event.url))["name"] == event.title


def test_job_fairs_show_verified_employers_with_their_open_jobs(client, event_index):
    with_jobs, without_jobs = EmployerFactory(name="Harbour Foods"), EmployerFactory(name="Bright Builders")
    hidden = PendingEmployerFactory(name="Not Yet Verified Ltd")
    JobListingFactory(employer=with_jobs, title="Line cook")
    event = EventPageFactory(parent=event_index)
    event.employers.set([with_jobs, without_jobs, hidden])
    event.save()
    page = client.get(event.url).content.decode()
    assert "Harbour Foods" in page and "Line cook" in page and "Bright Builders" in page
    assert "Not Yet Verified Ltd" not in page


def test_events_are_in_the_sitemap(client, event_index):
    event = EventPageFactory(parent=event_index)
    sitemap = client.get("/sitemap-pages.xml").content.decode()
    assert "http://testserver/events/</loc>" in sitemap and f"http://testserver{event.url}</loc>" in sitemap


def build(event_index, size):
    employers = EmployerFactory.create_batch(size)
    for employer in employers:
        JobListingFactory.create_batch(2, employer=employer)
    events = []
    for n in range(size):
        event = EventPageFactory(parent=event_index, capacity=size, start=in_days(n + 1))
        event.employers.set(employers)
        event.save()
        AttendeeFactory.create_batch(size, event=event)
        WaitingAttendeeFactory.create_batch(2, event=event)
        events.append(event)
    for _ in range(size):
        PastEventPageFactory(parent=event_index)
    return events


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


COUNTS = {}


@pytest.mark.parametrize("size", [2, 15])
def test_query_counts_stay_within_budget_whatever_the_number_of_events_and_attendees(
    client, event_index, size
):
    events = build(event_index, size)
    counts = {
        "index": queries_for(client, "/events/"),
        "index filtered": queries_for(client, "/events/?kind=job-fair&region=GB-MAN&attendance=in-person"),
        "event": queries_for(client, events[0].url),
        "calendar": queries_for(client, f"{events[0].url}calendar.ics"),
        "feed": queries_for(client, "/events/feed.ics"),
    }
    COUNTS[size] = counts
    print(f"\nqueries with {size} events, attendees and employers: {counts}")
    assert all(count <= BUDGET for count in counts.values()), counts
    if len(COUNTS) == 2:
        assert COUNTS[2] == COUNTS[15]


def test_attendees_addresses_are_on_no_public_answer(client, event_index):
    """Sign-ups are personal: no name or address on pages, calendar files, feeds, sitemap, API."""
    event = OnlineEventPageFactory(parent=event_index, capacity=1)
    fair = EventPageFactory(parent=event_index)
    markers = []
    for each in (event, fair):
        for person in (AttendeeFactory(event=each), WaitingAttendeeFactory(event=each)):
            markers += [person.email, person.name]
    urls = [
        "/events/",
        event.url,
        fair.url,
        f"{event.url}calendar.ics",
        "/events/feed.ics",
        "/events/feed/employer-session.ics",
        "/sitemap.xml",
        "/sitemap-pages.xml",
        f"/events/sign-up/{event.pk}/thanks/",
        "/search/?q=session",
        "/api/v1/",
        "/fr/events/",
    ]
    for url in urls:
        response = client.get(url)
        body = response.content.decode(errors="replace")
        assert not [marker for marker in markers if marker in body], url
        assert event.online_link not in body, url


def test_times_are_machine_readable_in_the_events_own_zone(client, event_index):
    from tests.portal.test_valid_html import VALID_DATETIME

    event = EventPageFactory(parent=event_index, time_zone="America/New_York")
    event.start = event.start.replace(microsecond=123456)
    event.save()
    soup = BeautifulSoup(client.get(event.url).content, "html.parser")
    values = [time["datetime"] for time in soup.select("time[datetime]")]
    assert values and all(VALID_DATETIME.match(value) for value in values)
    assert values[0] == event.start.astimezone(event.zone).replace(microsecond=0).isoformat()
    assert "(America/New_York)" in soup.get_text()
