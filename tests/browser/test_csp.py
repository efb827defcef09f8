"""The Content-Security-Policy holds in a real browser: no page a visitor, an employer or campaign
staff opens makes Chromium refuse a script, a style, an image or a frame. A refusal means an inline
<script>, a style= attribute or an asset from elsewhere crept into a template."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.admin_login import admin_staff, log_in_to_admin
from tests.browser.test_job_journey import log_in
from tests.campaigns.factories import ConfirmedPledgeFactory, LiveCampaignPageFactory
from tests.employers.factories import (
    EmployerFactory,
    HiringPledgeFactory,
    JobListingFactory,
    PendingJobFactory,
    owner_of,
)
from tests.stories.factories import StoryPageFactory

pytestmark = pytest.mark.browser

# Recorded in the page itself, from the first script to run, so nothing is missed before load.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile || event.documentURI}:${event.lineNumber}`);
});
"""


@pytest.fixture
def watched(context):
    """A page whose CSP refusals, from events and from the console, are collected."""
    context.add_init_script(LISTEN)
    page = context.new_page()
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )

    def assert_no_violation(path, what):
        page.goto(path)
        page.wait_for_load_state("load")
        violations = page.evaluate("window.__cspViolations") + console
        assert not violations, f"{what} ({path}) broke the Content-Security-Policy:\n" + "\n".join(violations)
        console.clear()

    return page, assert_no_violation


def test_public_pages_and_account_forms_keep_to_the_policy(watched, story_index, campaign_index):
    page, assert_no_violation = watched
    story = StoryPageFactory(parent=story_index, title="From kitchen porter to head chef")
    campaign = LiveCampaignPageFactory(parent=campaign_index, title="Ban the box")
    ConfirmedPledgeFactory(campaign=campaign)
    employer = EmployerFactory(name="Good Bread Bakery")
    HiringPledgeFactory(employer=employer)
    job = JobListingFactory(employer=employer, title="Trainee baker")

    assert_no_violation("/", "the home page")
    assert_no_violation(story.url, "a story")
    assert_no_violation(campaign.url, "a campaign with its pledge form")
    expect(page.get_by_role("button", name=re.compile("pledge", re.I)).first).to_be_visible()
    assert_no_violation("/jobs/", "the job board")
    assert_no_violation(job.get_absolute_url(), "a job")
    assert_no_violation("/pledge-wall/", "the pledge wall")
    expect(page.get_by_text("Good Bread Bakery").first).to_be_visible()
    assert_no_violation("/accounts/signup/", "sign-up")
    assert_no_violation("/accounts/login/", "log-in")
    assert_no_violation("/search/?q=baker", "site search")


def test_the_employer_area_keeps_to_the_policy(watched, home):
    page, assert_no_violation = watched
    owner, employer = owner_of(EmployerFactory(name="Good Bread Bakery"), email="owner@bakery.example.org")
    job = JobListingFactory(employer=employer, title="Trainee baker")
    log_in(page, "owner@bakery.example.org")
    for path, what in [
        ("/employer/", "the employer dashboard"),
        ("/employer/jobs/", "the employer's listings"),
        ("/employer/jobs/new/", "the job form"),
        (f"/employer/jobs/{job.pk}/", "a listing in the employer area"),
    ]:
        assert_no_violation(path, what)


def test_the_wagtail_admin_keeps_to_its_policy(watched, home):
    page, assert_no_violation = watched
    admin_staff("admin@example.org", is_superuser=True, is_staff=True)
    pending = PendingJobFactory(title="Door supervisor")
    log_in_to_admin(page, "admin@example.org")
    assert_no_violation("/admin/", "the admin dashboard")
    expect(page.get_by_role("heading", level=1).first).to_be_visible()
    assert_no_violation(f"/admin/pages/{home.pk}/edit/", "the page editor")
    assert_no_violation(f"/admin/jobs/inspect/{pending.pk}/", "the job review screen")


@pytest.mark.parametrize("debug", [False, True], ids=["production", "make-run"])
def test_the_page_not_found_keeps_to_the_policy(watched, home, settings, debug):
    """`make run` serves with DEBUG on, where Django's own 404 page styles itself inline."""
    settings.DEBUG = debug
    page, assert_no_violation = watched
    response = page.goto("/no-such-page/")
    assert response.status == 404
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    assert_no_violation("/no-such-page/", "The page-not-found page")
    assert_no_violation("/jobs/999999-gone/", "A job that is gone")
