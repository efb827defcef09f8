"""The search box as a combobox in Chromium: suggestions, keyboard, mouse, axe, and no JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import SettledAxe as Axe
from tests.campaigns.factories import LiveCampaignPageFactory
from tests.employers.factories import EmployerFactory, HiringPledgeFactory, JobListingFactory
from tests.stories.factories import StoryPageFactory

from .test_accessibility import BLOCKING_IMPACTS, describe

pytestmark = pytest.mark.browser


@pytest.fixture
def forklift(story_index, campaign_index):
    story = StoryPageFactory(
        parent=story_index,
        title="Forklift licence, then a job",
        standfirst="A forklift course inside led to work outside.",
    )
    LiveCampaignPageFactory(parent=campaign_index, title="Forklifts for freedom")
    employer = EmployerFactory(name="Forklift Hire Co", description="Forklift hire across the north.")
    HiringPledgeFactory(employer=employer)
    job = JobListingFactory(employer=employer, title="Forklift driver")
    return {"story": story, "job": job}


def header_box(page):
    return page.get_by_role("combobox", name="Search the site")


def options(page):
    return page.get_by_role("listbox", name="Suggestions").get_by_role("option")


def assert_no_blocking_violations(page, what):
    violations = Axe().run(page).response["violations"]
    blocking = [violation for violation in violations if violation["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"{what} has accessibility violations:\n{describe(blocking)}"


def test_typing_shows_suggestions_and_arrow_keys_with_enter_open_one(page, forklift):
    page.goto("/stories/")
    box = header_box(page)
    expect(box).to_have_attribute("aria-expanded", "false")
    box.click()
    box.press_sequentially("forkl", delay=30)
    expect(options(page)).to_have_count(4)
    expect(box).to_have_attribute("aria-expanded", "true")
    listbox = page.get_by_role("listbox", name="Suggestions")
    expect(box).to_have_attribute("aria-controls", listbox.get_attribute("id"))
    expect(page.get_by_role("status").filter(has_text="suggestions")).to_have_text(
        "4 suggestions. Use the up and down arrows to choose."
    )

    box.press("ArrowDown")
    first = options(page).nth(0)
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    box.press("ArrowDown")
    box.press("ArrowUp")
    box.press("ArrowUp")  # wraps round to the last
    last = options(page).nth(3)
    expect(last).to_have_attribute("aria-selected", "true")
    box.press("ArrowDown")  # wraps back to the first
    expect(first).to_have_attribute("aria-selected", "true")
    # Titles starting with the words come first, the shortest first.
    expect(first.locator(".search-suggestion-label")).to_have_text("Forklift driver")
    expect(first.locator(".search-suggestion-type")).to_have_text("Job")
    expect(first.locator(".search-suggestion-detail")).to_have_text("Forklift Hire Co, Manchester")
    box.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(forklift["job"].get_absolute_url()) + "$"))


def test_escape_closes_and_enter_then_searches(page, forklift):
    page.goto("/")
    box = header_box(page)
    box.click()
    box.press_sequentially("forklift", delay=30)
    expect(options(page)).to_have_count(4)
    box.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(page.locator(".search-suggestions").first).to_be_hidden()
    expect(box).to_have_value("forklift")
    # With no option chosen, Enter submits the form as without JavaScript.
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=forklift$"))
    expect(page.locator(".search-summary")).to_have_text(re.compile(r"^\d+ results for “forklift”$"))
    expect(page.get_by_role("link", name="Forklift driver")).to_be_visible()


def test_choosing_with_the_mouse(page, forklift):
    page.goto("/search/")
    box = page.get_by_role("combobox", name="Search stories, campaigns, jobs, employers and pages")
    box.press_sequentially("forklift dr", delay=30)
    expect(options(page)).to_have_count(1)
    options(page).first.click()
    expect(page).to_have_url(re.compile(re.escape(forklift["job"].get_absolute_url()) + "$"))


def test_short_input_shows_nothing(page, forklift):
    page.goto("/")
    box = header_box(page)
    box.press_sequentially("f", delay=30)
    page.wait_for_timeout(600)  # longer than the debounce and a round trip
    expect(options(page)).to_have_count(0)
    expect(box).to_have_attribute("aria-expanded", "false")


def test_no_serious_violations_with_suggestions_open_and_on_results(page, forklift):
    page.goto("/search/?q=forklift")
    expect(page.locator(".search-results mark").first).to_have_text(re.compile("forklift", re.I))
    assert_no_blocking_violations(page, "the results page")

    box = page.get_by_role("combobox", name="Search stories, campaigns, jobs, employers and pages")
    box.fill("")
    box.press_sequentially("fork", delay=30)
    expect(options(page)).to_have_count(4)
    box.press("ArrowDown")
    assert_no_blocking_violations(page, "the search page with suggestions open")


def test_the_form_works_without_javascript(browser, live_site, forklift):
    context = browser.new_context(base_url=live_site.url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/")
        box = page.get_by_role("searchbox", name="Search the site")
        expect(box).not_to_have_attribute("role", "combobox")
        box.fill("forklift")
        box.press("Enter")
        expect(page).to_have_url(re.compile(r"/search/\?q=forklift$"))
        expect(page.get_by_role("link", name="Forklift driver")).to_be_visible()
        page.get_by_role("navigation", name="Filter results by type").get_by_role(
            "link", name="Jobs (1)"
        ).click()
        expect(page.locator(".search-results h3 a")).to_have_text(["Forklift driver"])
    finally:
        context.close()
