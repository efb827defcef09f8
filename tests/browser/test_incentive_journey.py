"""A visitor reads the incentive schemes, answers the three checker steps and reads the reasons."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_employer_journey import assert_no_serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("example_schemes")]


def test_visitor_checks_eligibility_and_sees_the_reasons(page):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Incentives").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Incentives for fair-chance hiring")
    expect(page.get_by_text("Example fair-chance hiring tax credit").first).to_be_visible()
    assert_no_serious_violations(page, "incentive schemes")

    page.get_by_role("link", name="Check which incentives a hire may qualify for").click()
    expect(page.get_by_text("Step 1 of 3")).to_be_visible()
    expect(page.locator("[aria-current=step]")).to_have_text("About the employer")
    assert_no_serious_violations(page, "checker step 1")
    page.get_by_label("Which sector does the organisation work in?").select_option(label="Manufacturing")
    page.get_by_role("group", name=re.compile("fair-chance hiring pledge")).get_by_label("Yes").check()
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_text("Step 2 of 3")).to_be_visible()
    assert_no_serious_violations(page, "checker step 2")
    # A mistake is answered next to the field, and what was typed is kept.
    page.get_by_label("How many hours a week does the job offer?").fill("thirty")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("Enter a number of hours").first).to_be_visible()
    expect(page.get_by_label("How many hours a week does the job offer?")).to_have_value("thirty")
    assert_no_serious_violations(page, "checker step 2 with an error")
    page.get_by_label("How many hours a week does the job offer?").fill("30")
    page.get_by_label("How long is the contract, in months?").fill("12")
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_text("Step 3 of 3")).to_be_visible()
    assert_no_serious_violations(page, "checker step 3")
    # Back keeps the answers of the step left.
    page.get_by_label(re.compile("How many months ago was the candidate released")).fill("6")
    page.get_by_role("button", name="Back").click()
    expect(page.get_by_text("Step 2 of 3")).to_be_visible()
    expect(page.get_by_label("How many hours a week does the job offer?")).to_have_value("30")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_label(re.compile("How many months ago was the candidate released"))).to_have_value("6")
    page.get_by_label("How old is the candidate?").fill("30")
    page.get_by_role("button", name="See the result").click()

    expect(page).to_have_url(re.compile(r"/incentives/check/result/\?.*months_since_release=6"))
    tax_credit = page.locator(
        "section", has=page.get_by_role("heading", name="Example fair-chance hiring tax credit")
    )
    expect(tax_credit.locator(".badge-outcome")).to_have_text(re.compile("Eligible"))
    expect(tax_credit.get_by_text("The candidate is hired within 12 months of release.")).to_be_visible()
    expect(tax_credit.get_by_text("within 28 days of the start date", exact=True)).to_be_visible()
    subsidy = page.locator(
        "section", has=page.get_by_role("heading", name="Example return-to-work wage subsidy")
    )
    expect(subsidy.locator(".badge-outcome")).to_have_text(re.compile("Need more information"))
    expect(subsidy.get_by_text(re.compile("Not known yet")).first).to_be_visible()
    expect(page.get_by_text(re.compile("print it or bookmark"))).to_be_visible()
    assert_no_serious_violations(page, "checker result")

    page.get_by_role("link", name="Change my answers").first.click()
    expect(page.get_by_text("Step 1 of 3")).to_be_visible()
    expect(page.get_by_label("Which sector does the organisation work in?")).to_have_value("C")
