"""axe-core in the real browser over volunteering's pages (the application, with and without
errors; the volunteer area; the thanks page, the confirmation link's password page, the referee's
form and its dead links; the partner area's mentor requests; the Wagtail admin's volunteers,
screening, mentor requests, matching and an event's attendee list), in the style of
test_accessibility.py, and the phone-sized layout of the same pages: nothing scrolls sideways at
320 px.

The later cases each name the main heading their page must show, checked before axe runs, so a
page that did not render what the case names fails instead of passing axe as an error page."""

import re

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.admin_login import admin_staff, log_in_to_admin
from tests.browser.axe import SettledAxe as Axe
from tests.browser.page_checks import assert_accessible_and_narrow
from tests.browser.test_job_journey import log_in
from tests.community_events.factories import (
    AttendeeFactory,
    EventIndexPageFactory,
    EventPageFactory,
    WaitingAttendeeFactory,
)
from tests.partners.factories import CoordinatorFactory, ProgrammeProviderFactory
from tests.volunteers.factories import (
    ActiveMentorFactory,
    MentoringSessionFactory,
    MentorRequestFactory,
    MentorshipFactory,
    VolunteerFactory,
    VolunteerWithAccountFactory,
)
from volunteers.models import Reference

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.fixture
def mentor(home):
    provider = ProgrammeProviderFactory(name="Fresh Start Futures")
    CoordinatorFactory(provider=provider, user__email="coord@fresh.example.org")
    mentor = ActiveMentorFactory(user__email="mentor@example.org")
    mentorship = MentorshipFactory(volunteer=mentor, request__provider=provider)
    MentoringSessionFactory(mentorship=mentorship, notes="Practice interview")
    return mentorship


def show_application_errors(page):
    page.goto("/volunteer/")
    page.get_by_role("button", name="Send my application").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")


def show_session_errors(page, mentorship):
    page.goto(f"/volunteer/area/matches/{mentorship.pk}/")
    page.get_by_role("button", name="Log the session").click()
    expect(page.get_by_role("alert").first).to_contain_text("There is a problem")


PAGES = {
    "application": "/volunteer/",
    "application with errors": show_application_errors,
    "application in Arabic": "/ar/volunteer/",
    "volunteer area": "/volunteer/area/",
    "match": "/volunteer/area/matches/{pk}/",
    "match, session form with errors": show_session_errors,
    "availability": "/volunteer/area/availability/",
}


def open_page(page, mentorship, kind):
    target = PAGES[kind]
    if "area" in kind or kind in ("match", "availability", "match, session form with errors"):
        log_in(page, "mentor@example.org", expected=r"/volunteer/area/$")
    if callable(target):
        target(*([page, mentorship] if "session" in kind else [page]))
    else:
        response = page.goto(target.format(pk=mentorship.pk))
        assert response.status == 200, page.url


@pytest.mark.parametrize("kind", list(PAGES))
def test_volunteer_pages_pass_axe_and_fit_a_phone(page, mentor, axe, kind):
    """One load per page: axe at the desktop width, then the same page narrowed to 320 px."""
    open_page(page, mentor, kind)
    assert_accessible_and_narrow(page, axe, kind)


@pytest.fixture
def screening(home, mentor):
    """Someone applying (no account yet, a reference asked for and one given), someone whose link was
    used, an open mentor request with an active mentor to match, and an event with attendees."""
    applicant = VolunteerFactory(full_name="Robin Applicant")
    asked = Reference.objects.create(
        volunteer=applicant, referee_name="Ash Referee", referee_email="ash@example.org"
    )
    given = Reference.objects.create(
        volunteer=applicant,
        referee_name="Bo Referee",
        referee_email="bo@example.org",
        known_for="Ten years, neighbours",
        text="Patient and kind.",
        given_at=timezone.now(),
    )
    with time_machine.travel(timezone.now() - timezone.timedelta(days=22)):
        expired = Reference.objects.create(
            volunteer=applicant, referee_name="Cy", referee_email="cy@example.org"
        )
        expired_token = expired.token()
    ActiveMentorFactory(full_name="Jo Helper", user__email="jo@example.org")
    open_request = MentorRequestFactory(provider=mentor.request.provider)
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), title="Spring job fair", capacity=1)
    AttendeeFactory(event=event, name="Sam Attendee", accessibility_needs="Step-free access")
    WaitingAttendeeFactory(event=event, name="Kim Waiting")
    admin_staff("moderator@example.org", group="Campaign moderators")
    return {
        "applicant": applicant,
        "claimed": VolunteerWithAccountFactory(),
        "asked": asked,
        "given": given,
        "expired token": expired_token,
        "open request": open_request,
        "matched request": mentor.request,
        "event": event,
    }


def show_claim_errors(page, pages):
    page.goto(f"/volunteer/confirm/{pages['applicant'].claim_token()}/")
    page.get_by_role("button", name="Open my volunteer area").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")


def show_reference_errors(page, pages):
    page.goto(f"/volunteer/reference/{pages['asked'].token()}/")
    page.get_by_role("button", name="Send the reference").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")


def as_coordinator(path):
    def open_as_coordinator(page, pages):
        log_in(page, "coord@fresh.example.org", expected=r"/partner/$")
        response = page.goto(path.format(**{key: getattr(value, "pk", None) for key, value in pages.items()}))
        assert response.status == 200, page.url

    return open_as_coordinator


def show_mentor_request_errors(page, pages):
    as_coordinator("/partner/mentors/new/")(page, pages)
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")


def as_staff(path):
    def open_as_staff(page, pages):
        address = path.format(**{key: getattr(value, "pk", None) for key, value in pages.items()})
        log_in_to_admin(page, "moderator@example.org", next_url=address)

    return open_as_staff


# What each case opens (an address, or steps), the main heading its page must show and, where the
# heading alone does not prove it, something the page must hold.
CASES = {
    "thanks": ("/volunteer/thanks/", "Thank you for applying", None),
    "claim, set a password": (
        lambda p: f"/volunteer/confirm/{p['applicant'].claim_token()}/",
        "Open your volunteer area",
        "Choose a password for your account.",
    ),
    "claim with errors": (show_claim_errors, "Open your volunteer area", "Choose a password"),
    "claim, link used": (
        lambda p: f"/volunteer/confirm/{p['claimed'].claim_token()}/",
        "Open your volunteer area",
        "This link has been used already",
    ),
    "reference form": (
        lambda p: f"/volunteer/reference/{p['asked'].token()}/",
        "Give a reference",
        "gave your name as a referee",
    ),
    "reference form with errors": (show_reference_errors, "Give a reference", "gave your name as a referee"),
    "reference, link used": (
        lambda p: f"/volunteer/reference/{p['given'].token()}/",
        "Give a reference",
        "A reference has been given through this link already.",
    ),
    "reference, link expired": (
        lambda p: f"/volunteer/reference/{p['expired token']}/",
        "Give a reference",
        "This link has expired.",
    ),
    "partner: mentor requests": (
        as_coordinator("/partner/mentors/"),
        "Mentors for your graduates",
        "Matched",
    ),
    "partner: new mentor request": (as_coordinator("/partner/mentors/new/"), "Ask for a mentor", None),
    "partner: new mentor request with errors": (show_mentor_request_errors, "Ask for a mentor", None),
    "partner: one mentor request": (
        as_coordinator("/partner/mentors/{matched request}/"),
        re.compile("^Mentor for "),
        "The mentor",
    ),
    "admin: attendee list": (as_staff("/admin/events/{event}/attendees/"), "Attendees", "Kim Waiting"),
    "admin: volunteers": (as_staff("/admin/volunteers/"), "Volunteers", "Robin Applicant"),
    "admin: screening": (
        as_staff("/admin/volunteers/inspect/{applicant}/"),
        "Volunteer",
        "Patient and kind.",
    ),
    "admin: open mentor requests": (
        as_staff("/admin/mentor-requests/?status=open"),
        "Mentor requests",
        "There is 1 match",
    ),
    "admin: matching with explanations": (
        as_staff("/admin/mentor-requests/inspect/{open request}/"),
        "Mentor request",
        "Match with Jo Helper",
    ),
}
STATUS = {"claim, link used": 410, "reference, link used": 410, "reference, link expired": 410}


def open_case(page, pages, kind):
    target, heading, holds = CASES[kind]
    if callable(target) and not isinstance(target, str) and target.__name__ != "<lambda>":
        target(page, pages)
    else:
        address = target(pages) if callable(target) else target
        response = page.goto(address)
        assert response.status == STATUS.get(kind, 200), page.url
    expect(page.get_by_role("heading", level=1).first).to_contain_text(heading)
    if holds:
        expect(page.locator("main").first).to_contain_text(holds)


@pytest.mark.parametrize("kind", list(CASES))
def test_more_volunteer_pages_pass_axe_and_fit_a_phone(page, screening, axe, kind):
    open_case(page, screening, kind)
    assert_accessible_and_narrow(page, axe, kind)
