"""The staff attendee views of events for every role, in one table (the style of
tests/test_permission_matrix.py). Outcomes: login (sent to log in), deny (403, 404 or sent away
without data), ok (200, 400 for a form with errors, or a redirect after the action).

Attendees' names and addresses are shown to campaign staff only: any other role's responses are
searched for them."""

import datetime

import pytest

from tests.community_events.factories import (
    AttendeeFactory,
    EventPageFactory,
    WaitingAttendeeFactory,
    in_days,
)
from tests.employers.factories import VerifiedUserFactory, owner_of
from tests.matrix import assert_role_matrix, assert_table_complete, staff, superuser
from tests.portal.factories import UserFactory

ROLES = [
    "anonymous",
    "unverified user",
    "verified user",
    "employer owner",
    "editor",
    "moderator",
    "superuser",
]

# audience -> outcome per role, in ROLES order
EXPECTED = {
    "view attendees": ["login", "login", "login", "login", "ok", "ok", "ok"],
    "export attendees": ["login", "login", "login", "login", "deny", "ok", "ok"],
    "mark attendance": ["login", "login", "login", "login", "deny", "ok", "ok"],
    "attendee link of someone else": ["deny"] * 7,
}

URLS = [
    ("/admin/events/{event}/attendees/", "get", "view attendees"),
    ("/admin/events/{past}/attendees/", "get", "view attendees"),
    ("/admin/events/{event}/attendees/?format=csv", "get", "export attendees"),
    ("/admin/events/{past}/attendees/", "post", "mark attendance"),
    ("/events/place/{forged}/", "get", "attendee link of someone else"),
    ("/events/place/{forged}/cancel/", "post", "attendee link of someone else"),
]
TURNED_AWAY = {"/admin/", "/"}
STAFF = {"editor", "moderator", "superuser"}


@pytest.fixture
def world(event_index):
    event = EventPageFactory(parent=event_index, capacity=1)
    past = EventPageFactory(
        parent=event_index, start=in_days(-3), end=in_days(-3) + datetime.timedelta(hours=2)
    )
    attendee = AttendeeFactory(event=event, email="private.person@example.net", name="Pat Private")
    WaitingAttendeeFactory(event=event, email="waiting.person@example.net", name="Wendy Waiting")
    AttendeeFactory(event=past, email="came@example.net", name="Cam Came")
    people = {
        "anonymous": None,
        "unverified user": UserFactory(email="unverified@example.org"),
        "verified user": VerifiedUserFactory(email="verified@example.org"),
        "employer owner": owner_of()[0],
        "editor": staff("Campaign editors", "editor@example.org"),
        "moderator": staff("Campaign moderators", "moderator@example.org"),
        "superuser": superuser(),
    }
    # A token for an attendee that is signed right but names the attendee with a wrong nonce.
    forged = type(attendee)(pk=attendee.pk, link_nonce="guessed").attendee_token()
    objects = {"event": event.pk, "past": past.pk, "forged": forged}
    private = {
        "attendees": [
            "private.person@example.net",
            "Pat Private",
            "waiting.person@example.net",
            "came@example.net",
        ]
    }
    return people, objects, private


def test_the_table_is_complete():
    assert_table_complete(ROLES, EXPECTED, URLS)


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, world, role):
    people, objects, private = world
    assert_role_matrix(
        client,
        role,
        people=people,
        roles=ROLES,
        urls=URLS,
        expected=EXPECTED,
        address=lambda template: template.format(**objects),
        turned_away=TURNED_AWAY,
        private=private,
        may_see={"attendees": STAFF},
        denied=(403, 404, 405),
    )
