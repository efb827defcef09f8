"""A coordinator of a programme provider logs in at /accounts/login/ and lands in the partner
area, which the header links to from then on."""

import re

import pytest
from playwright.sync_api import expect

from tests.partners.factories import CoordinatorFactory

pytestmark = pytest.mark.browser


def test_programme_staff_log_in_and_land_in_the_partner_area(page):
    staff = CoordinatorFactory(user__email="partner@provider.example.org", provider__name="Fresh Start Trust")

    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in")
    page.get_by_label("E-mail address").fill(staff.user.email)
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()

    expect(page).to_have_url(re.compile(r"/partner/$"))
    expect(page.get_by_text("Fresh Start Trust").first).to_be_visible()
    header = page.get_by_role("navigation", name="Main")
    expect(header.get_by_role("link", name="Partner area")).to_have_attribute("href", "/partner/")
    expect(header.get_by_role("link", name="Employer area")).to_have_count(0)
    expect(header.get_by_role("link", name="Log out")).to_be_visible()

    # From any public page, one click takes them back to their work.
    page.goto("/stories/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Partner area").click()
    expect(page).to_have_url(re.compile(r"/partner/$"))

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Log out").click()
    page.get_by_role("main").get_by_role("button", name="Log out").click()
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Log in")).to_be_visible()
