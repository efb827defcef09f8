"""A job seeker applies, with their CV, to a job matched to them; the employer opens the inbox,
shortlists, invites to an interview and records the hire; the seeker sees each step in My
applications and gets an e-mail for each."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from applications.models import Application
from matching.models import Hire
from tests.browser.test_employer_journey import assert_no_serious_violations
from tests.browser.test_mobile_layout import log_in_as
from tests.employers.factories import JobListingFactory, OwnerFactory, SkillFactory
from tests.seekers.factories import JobSeekerFactory, with_cv

pytestmark = pytest.mark.browser


def test_a_seeker_applies_and_the_employer_takes_them_to_a_hire(context, page, live_server, home):
    cooking = SkillFactory(name="Cooking")
    job = JobListingFactory(
        title="Line Cook",
        skills=[cooking],
        region="GB-MAN",
        employer__name="Rise Loaves",
        employer__record_check_stage="after-offer",
    )
    owner = OwnerFactory(employer=job.employer, user__email="owner@rise.example.org").user
    seeker = with_cv(JobSeekerFactory(skills=[cooking]))

    # The seeker finds the job among their matches, reads the record-check stage and applies.
    log_in_as(context, live_server, seeker.user)
    page.goto("/seeker/jobs/")
    page.get_by_role("link", name="Line Cook").click()
    page.get_by_role("link", name="Apply for this job").click()
    expect(page.locator("[data-record-check]")).to_contain_text("After a conditional offer")
    assert_no_serious_violations(page, "apply form")
    page.get_by_label("Send my CV").check()
    page.get_by_label("Cover note (optional)").fill("I ran a grill station for two years.")
    page.get_by_role("button", name="Send my application").click()
    expect(page.locator("main")).to_contain_text("Your application is sent to Rise Loaves")
    application = Application.objects.get()
    assert application.shares_cv

    # The employer opens the inbox and the application, downloads nothing, and moves it on.
    context.clear_cookies()
    log_in_as(context, live_server, owner)
    page.goto(f"/employer/jobs/{job.pk}/applications/")
    page.get_by_role("link", name=seeker.reference).click()
    expect(page.locator("main")).to_contain_text("I ran a grill station for two years.")
    expect(page.get_by_role("link", name="Download the CV")).to_be_visible()
    page.get_by_role("button", name="Shortlist").click()
    expect(page.locator("main")).to_contain_text("Shortlisted.")
    page.get_by_text("Invite to an interview").click()
    day = timezone.localdate() + datetime.timedelta(days=3)
    page.get_by_label("Date", exact=True).fill(day.isoformat())
    page.get_by_label("Time", exact=True).fill("10:30")
    page.get_by_label("Place", exact=True).fill("Rise Loaves, 1 Bread Street")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.locator("main")).to_contain_text("The invitation is sent.")
    page.get_by_role("link", name="Record the hire").click()
    page.get_by_label("Start date").fill((day + datetime.timedelta(days=7)).isoformat())
    page.get_by_label("Hours per week").fill("30")
    page.get_by_role("button", name="Record the hire").click()
    expect(page.locator("main")).to_contain_text("The hire is recorded.")
    hire = Hire.objects.get()
    assert hire.application == application and hire.retention_checks.count() == 3

    # The seeker sees each step, and was told of each by e-mail.
    context.clear_cookies()
    log_in_as(context, live_server, seeker.user)
    page.goto("/seeker/applications/")
    expect(page.locator(f'[data-application="{application.pk}"]')).to_contain_text("Hired")
    page.get_by_role("link", name="Line Cook").click()
    for step in ("viewed", "shortlisted", "interview", "hired"):
        expect(page.locator(f'[data-step="{step}"]')).to_be_visible()
    assert_no_serious_violations(page, "my application")
    subjects = [message.subject for message in mail.outbox if message.to == [seeker.user.email]]
    assert len(subjects) == 4, subjects
    assert re.search("interview", " ".join(subjects))
