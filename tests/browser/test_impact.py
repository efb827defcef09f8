"""The impact dashboard and the public impact page in Chromium: charts, tables, filters, axe."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.admin_login import admin_staff, log_in_to_admin
from tests.browser.axe import SettledAxe as Axe
from tests.browser.test_accessibility import BLOCKING_IMPACTS, describe
from tests.campaigns.factories import ConfirmedPledgeFactory, LiveCampaignPageFactory
from tests.employers.factories import JobListingFactory
from tests.impact.factories import HireFactory, IntroductionFactory

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"


@pytest.fixture
def figures(campaign_index):
    campaign = LiveCampaignPageFactory(parent=campaign_index, title="Open doors")
    ConfirmedPledgeFactory.create_batch(6, campaign=campaign)
    ConfirmedPledgeFactory(campaign=campaign, confirmed_at=timezone.now() - datetime.timedelta(days=200))
    for sector in ("F", "F", "F", "F", "F", "I"):
        HireFactory(job=JobListingFactory(sector=sector))
    IntroductionFactory(status="accepted")


@pytest.fixture
def editor(db):
    return admin_staff("editor@example.org", "Campaign editors")


def log_in(page, user):
    log_in_to_admin(page, user.email)


def assert_accessible(page, what):
    blocking = [v for v in Axe().run(page).response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"{what} ({page.url}) has accessibility violations:\n{describe(blocking)}"


def test_an_editor_reads_the_dashboard_and_narrows_the_period(page, editor, figures):
    log_in(page, editor)
    page.get_by_role("link", name="Impact").click()
    expect(page).to_have_url(re.compile(r"/admin/impact/$"))
    supporters = page.get_by_role("img", name="Confirmed supporters by campaign")
    expect(supporters).to_be_visible()
    table = page.locator("table[data-table=supporters]")
    expect(table.get_by_role("row", name="Open doors 7")).to_be_visible()
    expect(page.get_by_role("img", name="Confirmed supporters per month")).to_be_visible()
    expect(
        page.get_by_role("img", name=re.compile("^Hires: Hires and introductions by sector"))
    ).to_be_visible()
    assert_accessible(page, "the impact dashboard")

    today = timezone.localdate()
    page.get_by_label("From", exact=True).fill((today - datetime.timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Show figures").click()
    expect(table.get_by_role("row", name="Open doors 6")).to_be_visible()

    page.get_by_label("From", exact=True).fill(today.isoformat())
    page.get_by_label("To", exact=True).fill((today - datetime.timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Show figures").click()
    expect(page.get_by_text("The end of the period cannot be before its start.")).to_be_visible()
    expect(page.get_by_label("To", exact=True)).to_have_attribute("aria-invalid", "true")
    assert_accessible(page, "the impact dashboard with an error")

    with page.expect_download() as download:
        page.goto("/admin/impact/")
        page.locator("#table-by_sector").get_by_role("link", name=re.compile("as CSV")).click()
    assert download.value.suggested_filename.startswith("impact-by_sector-")


def test_the_public_impact_page_is_accessible(page, home, figures):
    page.goto("/")
    page.get_by_role("contentinfo").get_by_role("link", name="Our impact").click()
    expect(page).to_have_url(re.compile(r"/impact/$"))
    expect(page.get_by_role("heading", name="Our impact", level=1)).to_be_visible()
    expect(page.get_by_role("img", name="People hired, by sector")).to_be_visible()
    expect(
        page.locator("table[data-table=hires_by_sector]").get_by_role("row", name=re.compile("fewer than 5"))
    ).to_be_visible()
    assert_accessible(page, "the public impact page")
