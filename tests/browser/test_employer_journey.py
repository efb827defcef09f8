"""An employer signs up, registers, is verified by staff, signs a pledge and finds it on the wall."""

import re

import pytest
from playwright.sync_api import expect

from employers.models import Employer, HiringPledge
from tests.browser.admin_login import admin_staff, log_in_to_admin
from tests.browser.axe import SettledAxe as Axe
from tests.browser.test_accessibility import BLOCKING_IMPACTS, describe

pytestmark = pytest.mark.browser

PASSWORD = "a long and unusual passphrase 42"


AXE = Axe()


def assert_no_serious_violations(page, what):
    violations = AXE.run(page).response["violations"]
    blocking = [violation for violation in violations if violation["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"{what} ({page.url}) has accessibility violations:\n{describe(blocking)}"


def link_path(message, pattern):
    return re.search(rf"https?://[^/\s]+({pattern}[^\s]*)", message.body).group(1)


def test_employer_journey_from_sign_up_to_the_pledge_wall(context, page, mailoutbox):
    # 1. Sign up and verify the e-mail address from the link we are sent.
    page.goto("/accounts/signup/")
    assert_no_serious_violations(page, "sign-up page")
    page.get_by_label("E-mail address").fill("owner@fairfoods.example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verify your e-mail address")

    page.goto(link_path(mailoutbox[-1], "/accounts/confirm-email/"))
    page.get_by_role("button", name="Confirm").click()

    # 2. Register the organisation; it waits for verification.
    expect(page).to_have_url(re.compile(r"/employer/"))
    page.get_by_role("link", name="Register your organisation").click()
    assert_no_serious_violations(page, "registration form")
    page.get_by_label("Organisation name").fill("Fair Foods Ltd")
    page.get_by_label("Legal registration number").fill("FF-2026-1")
    page.get_by_label("Sector").select_option(label="Accommodation and food service activities")
    page.get_by_label("Number of staff").select_option(label="10 to 49 staff")
    page.get_by_label("Region of your head office").select_option(label="Manchester")
    page.get_by_label("Website").fill("https://fairfoods.example.org")
    page.get_by_label("Public description").fill("We cook fresh food and train new cooks.")
    page.get_by_role("button", name="Register").click()
    expect(page.locator("[data-status]")).to_have_attribute("data-status", "pending")
    assert_no_serious_violations(page, "employer dashboard")
    employer = Employer.objects.get(name="Fair Foods Ltd")

    # 3. A campaign moderator verifies it in the Wagtail admin.
    admin_staff("mod@example.org", "Campaign moderators")
    staff_page = context.browser.new_context(base_url=page.url.split("/employer")[0]).new_page()
    log_in_to_admin(staff_page, "mod@example.org")
    staff_page.goto(f"/admin/employers/inspect/{employer.pk}/")
    staff_page.get_by_role("button", name="Verify", exact=True).click()
    expect(staff_page.get_by_text(re.compile("verified", re.I)).first).to_be_visible()
    staff_page.context.close()
    employer.refresh_from_db()
    assert employer.status == Employer.Status.VERIFIED
    assert any("verified" in message.subject.lower() for message in mailoutbox)

    # 4. The owner signs a hiring pledge.
    page.goto("/employer/pledge/sign/")
    assert_no_serious_violations(page, "pledge signing form")
    page.get_by_label("Remove the conviction question from initial applications").check()
    page.get_by_label("Hire programme graduates every year").check()
    page.get_by_label(re.compile("Number of programme graduates a year")).fill("3")
    page.get_by_label("Name of the person signing").fill("Jordan Fair")
    page.get_by_label("Their job title").fill("Managing director")
    page.get_by_label(re.compile("I confirm that I have authority")).check()
    page.get_by_role("button", name="Sign the pledge").click()
    pledge = HiringPledge.objects.get(employer=employer)
    expect(page.get_by_text(pledge.reference).first).to_be_visible()
    assert_no_serious_violations(page, "employer's pledge page")
    page.goto("/employer/members/")
    assert_no_serious_violations(page, "members page")
    page.goto("/accounts/2fa/")
    assert_no_serious_violations(page, "two-factor authentication page")

    # 5. The public finds it on the wall and verifies it.
    public = context.browser.new_context(base_url=page.url.split("/employer")[0]).new_page()
    public.goto("/accounts/login/")
    assert_no_serious_violations(public, "log-in page")
    public.goto("/pledge-wall/")
    assert_no_serious_violations(public, "pledge wall")
    public.get_by_role("link", name="Fair Foods Ltd").first.click()
    expect(public.get_by_role("heading", level=1)).to_have_text("Fair Foods Ltd")
    assert_no_serious_violations(public, "employer profile")
    public.goto(f"/pledges/{pledge.reference}/")
    expect(public.get_by_text(re.compile("active", re.I)).first).to_be_visible()
    expect(public.get_by_text("Hire programme graduates every year").first).to_be_visible()
    assert_no_serious_violations(public, "pledge verification page")
    public.goto(f"/pledges/{pledge.reference}/certificate/")
    assert_no_serious_violations(public, "pledge certificate")
    public.context.close()
