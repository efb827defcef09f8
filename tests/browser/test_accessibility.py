"""axe-core in the real browser, over every kind of public page (WCAG 2.2 AA, see docs/architecture.md).

Only "serious" and "critical" violations fail a test; the message names each rule, what it asks
for and the elements that break it, so that the fix can start from the failure alone.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.admin_login import admin_staff, log_in_to_admin
from tests.browser.axe import SettledAxe as Axe
from tests.campaigns.factories import ConfirmedPledgeFactory, LiveCampaignPageFactory, PendingPledgeFactory
from tests.community_events.factories import EventIndexPageFactory, EventPageFactory, PastEventPageFactory
from tests.employers.factories import EmployerFactory, JobListingFactory
from tests.stories.factories import StoryPageFactory, ThemeFactory

pytestmark = pytest.mark.browser

BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.fixture
def public_urls(home, story_index, campaign_index, standard_pages):
    """A little of everything, so that each template renders its lists, cards and forms."""
    work = ThemeFactory(name="Work", slug="work")
    story = StoryPageFactory(
        parent=story_index,
        title="A second chance in the kitchen",
        standfirst="Sam found a chance to cook, and a chance to start again.",
        themes=[work],
    )
    StoryPageFactory(parent=story_index, title="Another second chance", themes=[work])
    campaign = LiveCampaignPageFactory(parent=campaign_index, title="Give people a second chance")
    ConfirmedPledgeFactory(campaign=campaign, name="Jo", show_name=True)
    pending = PendingPledgeFactory(campaign=campaign)
    event_index = EventIndexPageFactory(parent=home)
    job_fair = EventPageFactory(parent=event_index, title="Spring job fair", capacity=40)
    job_fair.employers.set([JobListingFactory(title="Line cook").employer])
    job_fair.save()
    PastEventPageFactory(parent=event_index)
    return {
        "home": "/",
        "story index": "/stories/",
        "story": story.url,
        "campaign index": "/campaigns/",
        "campaign": campaign.url,
        "campaign, pledge form with errors": campaign.url,
        "standard page": standard_pages["about"].url,
        "search results": "/search/?q=chance",
        "pledge thanks": f"{campaign.url}pledge/thanks/",
        "pledge confirmation": f"/support/confirm/{pending.confirmation_token()}/",
        "not found": "/no-such-page/",
        "event index": "/events/",
        "event": job_fair.url,
        "event, sign-up form with errors": job_fair.url,
        "event sign-up thanks": f"/events/sign-up/{job_fair.pk}/thanks/",
    }


def show_pledge_form_errors(page):
    page.get_by_role("button", name="Add my pledge").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")


def show_sign_up_form_errors(page):
    page.get_by_role("button", name="Sign up", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")


EXPECTED_STATUS = {"not found": 404}
BEFORE_CHECK = {
    "campaign, pledge form with errors": show_pledge_form_errors,
    "event, sign-up form with errors": show_sign_up_form_errors,
}


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(
            f"[{violation['impact']}] {violation['id']}: {violation['help']} <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            target = " ".join(map(str, node["target"]))
            summary = node.get("failureSummary", "").replace("\n", " ")
            lines.append(f"    {target}: {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize(
    "page_type",
    [
        "home",
        "story index",
        "story",
        "campaign index",
        "campaign",
        "campaign, pledge form with errors",
        "standard page",
        "search results",
        "pledge thanks",
        "pledge confirmation",
        "not found",
        "event index",
        "event",
        "event, sign-up form with errors",
        "event sign-up thanks",
    ],
)
def test_public_pages_have_no_serious_accessibility_violations(page, public_urls, axe, page_type):
    response = page.goto(public_urls[page_type])
    assert response.status == EXPECTED_STATUS.get(page_type, 200), page.url
    if page_type in BEFORE_CHECK:
        BEFORE_CHECK[page_type](page)

    results = axe.run(page)

    violations = results.response["violations"]
    blocking = [violation for violation in violations if violation["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"{page_type} ({page.url}) has accessibility violations:\n{describe(blocking)}"


# Pages where axe once found moderate or minor issues: there, every finding counts, whatever its
# impact (heading-order on the error summary, aria-allowed-role on the admin's result count).
def show_checker_errors(page):
    page.goto("/incentives/check/")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("How many hours a week does the job offer?").fill("thirty")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")


def show_login_errors(page):
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill("nobody@example.org")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")


def show_admin_listing_filtered(page):
    EmployerFactory(name="Filtered Bakery")
    admin_staff("staff@example.org", is_superuser=True, is_staff=True)
    log_in_to_admin(page, "staff@example.org", next_url="/admin/employers/?q=Bakery")
    expect(page.get_by_role("status").filter(has_text="There is 1 match")).to_be_visible()


def show_admin_page_search(page):
    admin_staff("staff@example.org", is_superuser=True, is_staff=True)
    log_in_to_admin(page, "staff@example.org", next_url="/admin/pages/search/?q=Home")
    expect(page.get_by_role("status").filter(has_text="matching page")).to_be_visible()


@pytest.mark.parametrize(
    "show",
    [show_checker_errors, show_login_errors, show_admin_listing_filtered, show_admin_page_search],
    ids=[
        "incentive checker with errors",
        "login with errors",
        "admin listing, filtered",
        "admin page search",
    ],
)
def test_no_accessibility_findings_of_any_impact(page, home, example_schemes, axe, show):
    show(page)
    violations = axe.run(page).response["violations"]
    if "/admin/" in page.url:
        # Wagtail's admin is checked for the findings the portal can answer for; its own
        # remaining minor issues are Wagtail's.
        violations = [v for v in violations if v["id"] in {"aria-allowed-role", "heading-order"}]
    assert not violations, f"{page.url} has accessibility findings:\n{describe(violations)}"
