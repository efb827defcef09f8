"""The staff attendee views of events for every role, in one table (the style of
tests/test_permission_matrix.py). Outcomes: login (sent to log in), deny (403, 404 or sent away
without data), ok (200, 400 for a form with errors, or a redirect after the action).

Attendees' names and addresses are shown to campaign staff only: any other role's responses are
searched for them."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import transaction

from tests.community_events.factories import (
    AttendeeFactory,
    EventPageFactory,
    WaitingAttendeeFactory,
    in_days,
)
from tests.employers.factories import VerifiedUserFactory, owner_of
from tests.portal.factories import UserFactory, with_totp

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


def staff(group, email):
    user = VerifiedUserFactory(email=email)
    user.groups.add(Group.objects.get(name=group))
    return with_totp(user)


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
        "superuser": with_totp(
            VerifiedUserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
        ),
    }
    # A token for an attendee that is signed right but names the attendee with a wrong nonce.
    forged = type(attendee)(pk=attendee.pk, link_nonce="guessed").attendee_token()
    objects = {"event": event.pk, "past": past.pk, "forged": forged}
    private = ["private.person@example.net", "Pat Private", "waiting.person@example.net", "came@example.net"]
    return people, objects, private


def outcome(response):
    status = response.status_code
    if status in (301, 302):
        location = response["Location"]
        if "/login/" in location:
            return "login"
        return "deny" if location.split("?")[0] in TURNED_AWAY else "ok"
    if status in (200, 400):
        return "ok"
    if status in (403, 404, 405):
        return "deny"
    return str(status)


def test_the_table_is_complete():
    assert all(len(row) == len(ROLES) for row in EXPECTED.values())
    assert {audience for _, _, audience in URLS} == set(EXPECTED)


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, world, role):
    people, objects, private = world
    if people[role] is not None:
        client.force_login(people[role])
    column = ROLES.index(role)
    wrong, leaks = [], []
    for template, method, audience in URLS:
        url = template.format(**objects)
        with transaction.atomic():
            response = getattr(client, method)(url, {})
            transaction.set_rollback(True)
        got, expected = outcome(response), EXPECTED[audience][column]
        if got != expected:
            wrong.append(f"{method.upper()} {url}: expected {expected}, got {got} ({response.status_code})")
        text = response.content.decode(errors="replace") if response.status_code < 300 else ""
        if role not in STAFF:
            leaks += [f"{url} shows {marker!r}" for marker in private if marker in text]
    assert not wrong, f"{role}:\n" + "\n".join(wrong)
    assert not leaks, f"{role}:\n" + "\n".join(leaks)
