"""Staff's attendee list: who is confirmed, waiting or cancelled, the CSV, marking attendance."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group

from community_events.models import Attendee
from tests.community_events.factories import (
    AttendeeFactory,
    EventPageFactory,
    WaitingAttendeeFactory,
    in_days,
)
from tests.employers.factories import VerifiedUserFactory
from tests.portal.factories import with_totp


def staff(group, email):
    user = VerifiedUserFactory(email=email)
    user.groups.add(Group.objects.get(name=group))
    return with_totp(user)


@pytest.fixture
def moderator(db):
    return staff("Campaign moderators", "moderator@example.org")


@pytest.fixture
def past_event(event_index):
    start = in_days(-2)
    return EventPageFactory(
        parent=event_index, start=start, end=start + datetime.timedelta(hours=3), capacity=2
    )


def test_staff_see_confirmed_waiting_and_cancelled_people(client, moderator, event_index):
    event = EventPageFactory(parent=event_index, capacity=1)
    AttendeeFactory(event=event, name="Ada Confirmed", accessibility_needs="Step-free access")
    WaitingAttendeeFactory(event=event, name="Bo Waiting")
    AttendeeFactory(event=event, name="Cy Cancelled", status=Attendee.Status.CANCELLED)
    client.force_login(moderator)
    page = client.get(f"/admin/events/{event.pk}/attendees/").content.decode()
    assert page.index("Ada Confirmed") < page.index("Bo Waiting") < page.index("Cy Cancelled")
    assert "Step-free access" in page and "On the waiting list (1)" in page


def test_the_admin_page_of_an_event_links_to_its_attendees(client, moderator, event_index):
    event = EventPageFactory(parent=event_index)
    client.force_login(moderator)
    page = client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert f"/admin/events/{event.pk}/attendees/" in page


def test_the_csv_cannot_run_formulas(client, moderator, event_index):
    event = EventPageFactory(parent=event_index)
    AttendeeFactory(
        event=event, name='=HYPERLINK("http://evil.example","click")', accessibility_needs="+1 wheelchair"
    )
    AttendeeFactory(event=event, name="@SUM(A1)", email="plain@example.org")
    client.force_login(moderator)
    response = client.get(f"/admin/events/{event.pk}/attendees/?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {row["name"] for row in rows} == {'\'=HYPERLINK("http://evil.example","click")', "'@SUM(A1)"}
    assert "'+1 wheelchair" in {row["accessibility_needs"] for row in rows}
    assert all(not value.startswith(("=", "+", "-", "@")) for row in rows for value in row.values())


def test_attendance_is_marked_after_the_event(client, moderator, past_event):
    came, missed = AttendeeFactory.create_batch(2, event=past_event)
    cancelled = AttendeeFactory(event=past_event, status=Attendee.Status.CANCELLED)
    client.force_login(moderator)
    url = f"/admin/events/{past_event.pk}/attendees/"
    assert client.post(url, {"presence": "attended", "attendees": [came.pk]}).status_code == 302
    assert client.post(url, {"presence": "no-show", "attendees": [missed.pk]}).status_code == 302
    response = client.post(url, {"presence": "attended", "attendees": [cancelled.pk]})
    assert response.status_code == 400  # only people who held a place can be marked
    assert [Attendee.objects.get(pk=p.pk).presence for p in (came, missed, cancelled)] == [
        "attended",
        "no-show",
        "",
    ]
    response = client.post(url, {"presence": "attended"})
    assert response.status_code == 400 and "Choose at least one attendee." in response.content.decode()


def test_attendance_is_not_marked_before_the_event(client, moderator, event_index):
    event = EventPageFactory(parent=event_index)
    person = AttendeeFactory(event=event)
    client.force_login(moderator)
    response = client.post(
        f"/admin/events/{event.pk}/attendees/", {"presence": "attended", "attendees": [person.pk]}
    )
    assert response.status_code == 400
    assert Attendee.objects.get(pk=person.pk).presence == ""


def test_staff_create_events_in_the_admin_under_the_index_or_a_campaign(
    client, moderator, event_index, campaign_index
):
    from tests.campaigns.factories import LiveCampaignPageFactory

    event = EventPageFactory(parent=event_index)
    campaign = LiveCampaignPageFactory(parent=campaign_index)
    client.force_login(moderator)
    assert client.get(f"/admin/pages/add/events/eventpage/{event_index.pk}/").status_code == 200
    assert client.get(f"/admin/pages/add/events/eventpage/{campaign.pk}/").status_code == 200
    listing = client.get(f"/admin/pages/{event_index.pk}/")
    assert listing.status_code == 200
    assert f"/admin/events/{event.pk}/attendees/" in listing.content.decode()
