"""What a member of the public does: read stories, filter them, pledge support to a campaign."""

import re

import pytest
from playwright.sync_api import expect

from tests.campaigns.factories import ConfirmedPledgeFactory, LiveCampaignPageFactory
from tests.stories.factories import StoryPageFactory, ThemeFactory

pytestmark = pytest.mark.browser


def card_titles(page):
    return sorted(page.locator(".card-title a").all_inner_texts())


def test_visitor_reads_a_story(page, story_index):
    StoryPageFactory(parent=story_index, title="Another road")
    story = StoryPageFactory(
        parent=story_index,
        title="From kitchen porter to head chef",
        standfirst="A training kitchen in prison led Sam to a job on the outside.",
    )

    page.goto("/stories/")
    page.get_by_role("link", name="From kitchen porter to head chef").click()

    expect(page).to_have_url(re.compile(re.escape(story.url) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("From kitchen porter to head chef")
    expect(page.locator(".story-header .lead")).to_have_text(
        "A training kitchen in prison led Sam to a job on the outside."
    )
    expect(page).to_have_title(re.compile("^From kitchen porter to head chef"))


def test_visitor_filters_stories(page, story_index):
    work = ThemeFactory(name="Work", slug="work")
    family = ThemeFactory(name="Family", slug="family")
    StoryPageFactory(parent=story_index, title="Chef", themes=[work], region="GB-MAN")
    StoryPageFactory(parent=story_index, title="Dad", themes=[family], region="GB-LDS")
    StoryPageFactory(parent=story_index, title="Both", themes=[work, family], region="GB-LDS")
    StoryPageFactory(parent=story_index, title="Neither", region="GB-BIR")

    page.goto("/stories/")
    expect(page.locator(".card")).to_have_count(4)
    expect(page.get_by_role("main").get_by_role("status")).to_have_text("4 stories")

    page.get_by_label("Theme", exact=True).select_option(label="Work")
    page.get_by_role("button", name="Show stories").click()

    expect(page).to_have_url(re.compile(r"[?&]theme=work(&|$)"))
    expect(page.locator(".card")).to_have_count(2)
    assert card_titles(page) == ["Both", "Chef"]
    expect(page.get_by_role("main").get_by_role("status")).to_have_text("2 stories")
    expect(page.get_by_label("Theme", exact=True)).to_have_value("work")

    page.reload()
    expect(page.get_by_label("Theme", exact=True)).to_have_value("work")
    expect(page.locator(".card")).to_have_count(2)

    # A second filter narrows the first; both stay chosen.
    page.get_by_label("Region", exact=True).select_option("GB-LDS")
    page.get_by_role("button", name="Show stories").click()
    expect(page).to_have_url(re.compile(r"region=GB-LDS"))
    expect(page.locator(".card")).to_have_count(1)
    assert card_titles(page) == ["Both"]
    expect(page.get_by_label("Theme", exact=True)).to_have_value("work")
    expect(page.get_by_label("Region", exact=True)).to_have_value("GB-LDS")

    page.get_by_role("link", name="Clear filters").click()
    expect(page.locator(".card")).to_have_count(4)
    expect(page.get_by_label("Theme", exact=True)).to_have_value("")


def test_visitor_pledges_and_confirms_from_email(page, live_server, campaign_index, mailoutbox):
    campaign = LiveCampaignPageFactory(parent=campaign_index, title="Ban the box")
    ConfirmedPledgeFactory(campaign=campaign)
    ConfirmedPledgeFactory(campaign=campaign)
    supporters = page.locator('[data-figure="supporters"]')

    page.goto(campaign.url)
    expect(supporters).to_have_text("2")

    # A mistake first: the error is shown next to the field and what was typed is kept.
    page.get_by_label("Your name (optional)").fill("Robin")
    page.get_by_label("Count me in the public total of supporters").check()
    page.get_by_role("button", name="Add my pledge").click()

    email = page.get_by_label("E-mail address")
    email_field = page.locator(".field").filter(has=email)
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    expect(email_field.locator(".error-message")).to_have_text(
        "Enter your e-mail address so that we can confirm your pledge."
    )
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(email).to_have_attribute("aria-describedby", re.compile(r"\bid_email-error\b"))
    expect(page.get_by_label("Your name (optional)")).to_have_value("Robin")
    expect(page.get_by_label("Count me in the public total of supporters")).to_be_checked()
    assert mailoutbox == []

    # The error summary links to the field.
    page.get_by_role("link", name=re.compile("^E-mail address:")).click()
    expect(email).to_be_focused()

    email.fill("robin@example.org")
    page.get_by_role("button", name="Add my pledge").click()

    expect(page).to_have_url(re.compile(re.escape(campaign.url) + r"pledge/thanks/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["robin@example.org"]
    confirm_url = re.search(r"https?://\S+/support/confirm/[^/\s]+/", mailoutbox[0].body).group(0)
    assert confirm_url.startswith(f"{live_server.url}/support/confirm/")

    # Not counted until confirmed.
    page.goto(campaign.url)
    expect(supporters).to_have_text("2")

    page.goto(confirm_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your pledge")
    page.get_by_role("button", name="Confirm my pledge").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you: your pledge is confirmed")
    expect(page.get_by_text("You are one of 3 people backing Ban the box.")).to_be_visible()

    assert len(mailoutbox) == 2
    assert mailoutbox[1].subject == "Thank you: your pledge to Ban the box is confirmed"

    page.get_by_role("link", name="Back to Ban the box").click()
    expect(supporters).to_have_text("3")
    expect(page.get_by_text("Recently pledged:")).to_have_count(0)  # Robin did not ask to be named
