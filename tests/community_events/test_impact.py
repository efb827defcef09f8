"""Events in the impact dashboard: attendance per event and employers recruited at job fairs
(defined on the dashboard itself), and the demo's events."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from community_events.models import Attendee, EventKind, EventPage, SignUpSheet
from tests.community_events.factories import AttendeeFactory, EventPageFactory, in_days
from tests.employers.factories import EmployerFactory, HiringPledgeFactory
from tests.portal.factories import UserFactory, with_totp


@pytest.fixture
def editor(db):
    user = UserFactory(email="editor@example.org")
    user.groups.add(Group.objects.get(name="Campaign editors"))
    return with_totp(user)


def cells(page, name):
    table = page.find("table", {"data-table": name})
    return [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])]
        for row in table.tbody.find_all("tr")
    ]


def test_attendance_and_employers_recruited_at_job_fairs(client, editor, event_index):
    start = in_days(-30)
    fair = EventPageFactory(
        parent=event_index, title="Spring fair", start=start, end=start + datetime.timedelta(hours=4)
    )
    SignUpSheet.for_event(fair)
    already = EmployerFactory(name="Pledged before")
    HiringPledgeFactory(employer=already, signed_at=start - datetime.timedelta(days=60))
    recruited = EmployerFactory(name="Pledged after")
    HiringPledgeFactory(employer=recruited, signed_at=start + datetime.timedelta(days=7))
    never = EmployerFactory(name="Came, did not pledge")
    fair.employers.set([already, recruited, never])
    fair.save()
    came = AttendeeFactory.create_batch(3, event=fair, presence=Attendee.Presence.ATTENDED)
    AttendeeFactory(event=fair, presence=Attendee.Presence.NO_SHOW)
    AttendeeFactory(event=fair, status=Attendee.Status.CANCELLED)
    upcoming = EventPageFactory(parent=event_index, title="Upcoming fair")
    SignUpSheet.for_event(upcoming)
    assert came

    client.force_login(editor)
    page = BeautifulSoup(client.get(reverse("impact_dashboard")).content, "html.parser")
    assert cells(page, "event_attendance") == [["Spring fair", "4", "3", "1"]]
    assert cells(page, "job_fairs") == [
        ["Job fairs held", "1"],
        ["Employers taking part", "3"],
        ["Employers recruited at a job fair", "1"],
    ]
    assert "signed its first hiring pledge after the fair began" in page.get_text()


def test_the_demo_has_every_kind_of_event(client, db):
    call_command("load_demo_content")
    events = {event.slug: event for event in EventPage.objects.filter(locale__language_code="en-gb")}
    fair = events["manchester-fair-chance-job-fair"]
    assert fair.kind == EventKind.JOB_FAIR and fair.employers.count() > 0
    assert fair.get_parent().specific_class.__name__ == "CampaignPage"
    assert events["hiring-with-convictions-information-session"].is_online
    full = events["open-day-at-the-training-kitchen"]
    assert SignUpSheet.for_event(full).attendees.confirmed().count() == full.capacity
    assert SignUpSheet.for_event(full).attendees.waiting().count() == 3
    past = events["food-hygiene-training-day"]
    assert past.is_past and past.outcome_summary
    assert SignUpSheet.for_event(past).attendees.filter(presence=Attendee.Presence.ATTENDED).exists()
    assert client.get("/events/").status_code == 200
    assert client.get(fair.url).status_code == 200
    call_command("load_demo_content")  # again: nothing doubles
    assert EventPage.objects.filter(slug=fair.slug, locale__language_code="en-gb").count() == 1
