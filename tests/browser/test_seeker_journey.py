"""A job seeker signs up (choosing the kind of account), confirms the e-mail address, builds a
profile with a CV upload and sees a matched job with its explanation."""

import re

import pytest
from playwright.sync_api import expect

from seekers.models import JobSeeker
from tests.browser.test_employer_journey import PASSWORD, assert_no_serious_violations, link_path
from tests.employers.factories import JobListingFactory, SkillFactory
from tests.seekers.factories import pdf_bytes

pytestmark = pytest.mark.browser


def test_a_seeker_signs_up_builds_a_profile_with_a_cv_and_sees_a_matched_job(page, mailoutbox, tmp_path):
    cooking = SkillFactory(name="Cooking")
    JobListingFactory(title="Line Cook", skills=[cooking], region="GB-MAN")

    # 1. Sign up as a job seeker and confirm the address from the e-mail.
    page.goto("/accounts/signup/")
    page.get_by_label("Job seeker").check()
    page.get_by_label("E-mail address").fill("jo.seeker@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verify your e-mail address")
    page.goto(link_path(mailoutbox[-1], "/accounts/confirm-email/"))
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(re.compile(r"/seeker/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your profile")

    # 2. The profile: a skill through the picker, a region, a statement; found by employers.
    page.get_by_role("link", name="Edit your profile").first.click()
    picker = page.get_by_role("combobox", name="Skills")
    picker.focus()
    page.keyboard.type("cook")
    page.keyboard.press("Enter")
    page.get_by_label("Preferred regions").select_option(label="Manchester")
    page.get_by_label("Personal statement").fill("I ran a busy kitchen for two years.")
    page.get_by_label("Employers may find my profile").check()
    page.get_by_role("button", name="Save your profile").click()
    expect(page.locator(".messages")).to_contain_text("Your profile is saved")

    # 3. A CV, checked by its content and kept privately.
    cv = tmp_path / "Jo Seeker CV.pdf"
    cv.write_bytes(pdf_bytes("Jo Seeker, cook"))
    page.get_by_role("link", name="Your CV").click()
    page.get_by_label("Your CV").set_input_files(str(cv))
    page.get_by_role("button", name="Send your CV").click()
    expect(page.locator("[data-flag=cv-kept]")).to_contain_text("Jo Seeker CV.pdf")

    # 4. The matched job, with the reasons in plain words.
    page.get_by_role("link", name="Matched jobs").click()
    match = page.locator("li[data-job]").filter(has_text="Line Cook")
    expect(match).to_contain_text("Matches 1 of 1 required skill: Cooking")
    expect(match).to_contain_text("Same region: Manchester")
    assert_no_serious_violations(page, "matched jobs")

    seeker = JobSeeker.objects.get(user__email="jo.seeker@example.org")
    assert seeker.findable and seeker.has_cv and list(seeker.skills.all()) == [cooking]
