"""A job seeker signs up (choosing the kind of account), confirms the e-mail address, builds a
profile with a CV upload, sees a matched job with its explanation, reads on the job's page what the
law says about record checks for that work, and applies with the CV. (What the employer then does
with an application, and the seeker seeing each step, is test_application_journey.py.)"""

import re

import pytest
from playwright.sync_api import expect

from applications.models import Application
from seekers.models import JobSeeker
from taxonomy.models import Occupation
from tests.browser.test_employer_journey import PASSWORD, assert_no_serious_violations, link_path
from tests.employers.factories import JobListingFactory, SkillFactory
from tests.record_guidance.factories import RecordGuidanceFactory, example_rules
from tests.seekers.factories import pdf_bytes

pytestmark = pytest.mark.browser


def test_a_seeker_signs_up_builds_a_profile_with_a_cv_and_applies_to_a_matched_job(
    page, mailoutbox, tmp_path
):
    cooking = SkillFactory(name="Cooking")
    england_and_wales, _scotland = example_rules()
    RecordGuidanceFactory(jurisdiction=england_and_wales)
    JobListingFactory(
        title="Line Cook",
        skills=[cooking],
        region="GB-MAN",
        occupation=Occupation.objects.get(code="5321"),
        employer__name="Rise Care",
    )

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

    # 5. The job's page: the record guidance for this work, then Apply, with the CV.
    match.get_by_role("link", name="Line Cook").click()
    guidance = page.locator("[data-record-guidance]")
    expect(guidance).to_contain_text("Required by law")
    expect(guidance).to_contain_text("an enhanced DBS check with a check of the adults' barred list")
    page.get_by_role("link", name="Apply for this job").click()
    page.get_by_label("Send my CV").check()
    page.get_by_label("Cover note (optional)").fill("I ran a busy kitchen for two years.")
    page.get_by_role("button", name="Send my application").click()
    expect(page.locator("main")).to_contain_text("Your application is sent to Rise Care")
    application = Application.objects.get(seeker=seeker)
    assert application.shares_cv and application.job.title == "Line Cook"
