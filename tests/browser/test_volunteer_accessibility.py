"""axe-core in the real browser over volunteering's pages (the application, with and without
errors; the volunteer area), in the style of test_accessibility.py, and the phone-sized layout of
the same pages: nothing scrolls sideways at 320 px."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_accessibility import BLOCKING_IMPACTS, describe
from tests.browser.test_job_journey import log_in
from tests.partners.factories import CoordinatorFactory, ProgrammeProviderFactory
from tests.volunteers.factories import ActiveMentorFactory, MentoringSessionFactory, MentorshipFactory

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
def test_volunteer_pages_have_no_serious_accessibility_violations(page, mentor, axe, kind):
    open_page(page, mentor, kind)
    violations = axe.run(page).response["violations"]
    blocking = [violation for violation in violations if violation["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"{kind} ({page.url}) has accessibility violations:\n{describe(blocking)}"


@pytest.mark.parametrize("kind", ["application", "application with errors", "volunteer area", "match"])
def test_volunteer_pages_fit_a_phone(page, mentor, kind):
    page.set_viewport_size({"width": 320, "height": 640})
    open_page(page, mentor, kind)
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
            .map((el) => el.tagName + '.' + el.className).slice(0, 10)"""
    )
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert not overflow, f"{kind} scrolls sideways at 320 px: {wide}"
