"""A visitor signs up for a job fair, confirms by e-mail, adds it to a calendar, cancels, and the
first person waiting moves up; the event pages also work on a 375 px phone."""

import re

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from community_events.models import Attendee
from tests.browser.test_employer_journey import assert_no_serious_violations
from tests.browser.test_mobile_layout import assert_no_sideways_scrolling
from tests.community_events.factories import (
    AttendeeFactory,
    EventIndexPageFactory,
    EventPageFactory,
    PastEventPageFactory,
    WaitingAttendeeFactory,
)
from tests.employers.factories import EmployerFactory, JobListingFactory

pytestmark = pytest.mark.browser


def link_path(message, pattern):
    return re.search(rf"https?://[^/\s]+({pattern})", message.body).group(1)


@pytest.fixture
def job_fair(home):
    index = EventIndexPageFactory(parent=home)
    fair = EventPageFactory(
        parent=index,
        title="Manchester fair-chance job fair with a rather long title for small screens",
        capacity=2,
        venue_address="Manchester Central Convention Complex, Windmill Street\nManchester M2 3GX",
    )
    employer = EmployerFactory(name="Harbour Foods Community Interest Company")
    JobListingFactory(employer=employer, title="Line cook")
    fair.employers.set([employer])
    fair.save()
    PastEventPageFactory(parent=index)
    AttendeeFactory(event=fair, email="early@example.org")
    return fair


def test_a_visitor_signs_up_confirms_adds_to_calendar_and_cancels(page, job_fair, mailoutbox):
    page.goto("/events/")
    page.get_by_role("link", name=job_fair.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(job_fair.title)
    expect(page.get_by_text("1 place left.")).to_be_visible()
    expect(page.get_by_role("link", name="Line cook")).to_be_visible()

    page.get_by_label("Your name").fill("Jo Visitor")
    page.get_by_label("E-mail address", exact=True).fill("jo@example.org")
    page.get_by_label("Anything we should arrange for you (optional)").fill("A quiet room")
    page.get_by_label(re.compile("I agree that the organisers keep")).check()
    page.get_by_role("button", name="Sign up", exact=True).click()
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()

    # The e-mail's link shows a button; the place is held once it is pressed.
    assert mailoutbox[-1].to == ["jo@example.org"]
    page.goto(link_path(mailoutbox[-1], r"/events/confirm/[^/\s]+/"))
    assert_no_serious_violations(page, "confirmation page")
    page.get_by_role("button", name="Confirm my place").click()
    expect(page.get_by_role("heading", name="Your place is confirmed")).to_be_visible()
    assert Attendee.objects.get(email="jo@example.org").status == "confirmed"
    confirmed = mailoutbox[-1]
    assert "is confirmed" in confirmed.subject

    # The full event now puts the next person on the waiting list.
    waiting = WaitingAttendeeFactory(event=job_fair, email="next@example.org")

    # The attendee's page and their calendar file.
    page.goto(link_path(confirmed, r"/events/place/[^/\s]+/(?!\S)"))
    assert_no_serious_violations(page, "attendee page")
    calendar_url = page.get_by_role("link", name="Add to my calendar (.ics)").get_attribute("href")
    response = page.request.get(calendar_url)
    assert response.ok and response.headers["content-type"].startswith("text/calendar")
    entry = Calendar.from_ical(response.body()).walk("VEVENT")[0]
    assert str(entry["SUMMARY"]) == job_fair.title and entry["DTSTART"].params["TZID"] == "Europe/London"

    # Cancelling from the e-mail's link: a button first, then the place is given up.
    mailoutbox.clear()
    page.goto(link_path(confirmed, r"/events/place/[^/\s]+/cancel/"))
    assert_no_serious_violations(page, "cancellation page")
    page.get_by_role("button", name="Cancel my place").click()
    expect(page.get_by_role("heading", name="Your place is cancelled")).to_be_visible()
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert any(
        message.to == ["next@example.org"] and "You have a place" in message.subject for message in mailoutbox
    )


def test_event_pages_fit_a_phone(page, job_fair):
    attendee = Attendee.objects.get(email="early@example.org")
    assert_no_sideways_scrolling(
        page,
        [
            ("event index", "/events/"),
            ("event", job_fair.url),
            ("thanks", f"/events/sign-up/{job_fair.pk}/thanks/"),
            ("attendee page", f"/events/place/{attendee.attendee_token()}/"),
            ("cancel", f"/events/place/{attendee.attendee_token()}/cancel/"),
        ],
    )
