"""An employer posts a job, staff approve it, and a visitor finds it on the job board."""

import re

import pytest
from playwright.sync_api import expect

from jobs.models import JobListing
from tests.browser.admin_login import admin_staff, log_in_to_admin
from tests.browser.test_employer_journey import assert_no_serious_violations
from tests.employers.factories import EmployerFactory, SkillFactory, owner_of

pytestmark = pytest.mark.browser


def log_in(page, email, password="correct horse battery staple", expected=r"/employer/$"):
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(expected))


def test_posted_job_is_approved_and_found_on_the_board(context, page, mailoutbox):
    owner, employer = owner_of(EmployerFactory(name="Good Bread Bakery"), email="owner@bakery.example.org")
    SkillFactory(name="Bread baking")

    # The employer writes a listing, sees the wording warning and the preview, and submits it.
    log_in(page, "owner@bakery.example.org")
    page.goto("/employer/jobs/new/")
    assert_no_serious_violations(page, "job form")
    page.get_by_label("Job title").fill("Trainee baker")
    page.get_by_label("Description").fill(
        "<p>Early starts, full training. Applicants must have a clean record.</p>"
    )
    page.get_by_label("Sector").select_option(label="Manufacturing")
    page.get_by_label("Region").select_option(label="Leeds")
    page.get_by_label("Type of employment").select_option(label="Full time")
    page.get_by_label("How people apply").select_option(label="Through the portal")
    page.get_by_role("button", name=re.compile("Save draft and preview")).click()
    expect(page.get_by_text("clean record").first).to_be_visible()  # flagged, with a suggestion
    assert_no_serious_violations(page, "job preview")
    job = JobListing.objects.get(title="Trainee baker")
    page.get_by_role("button", name=re.compile("Submit for review")).first.click()
    job.refresh_from_db()
    assert job.status == JobListing.Status.PENDING
    page.goto("/employer/jobs/")
    assert_no_serious_violations(page, "employer's job list")

    # A moderator reviews it in the Wagtail admin, sees the flag, and approves it.
    admin_staff("mod@example.org", "Campaign moderators")
    staff = context.browser.new_context(base_url=page.url.split("/employer")[0]).new_page()
    log_in_to_admin(staff, "mod@example.org")
    staff.goto(f"/admin/jobs/inspect/{job.pk}/")
    expect(staff.get_by_text("clean record").first).to_be_visible()
    # The wording is still flagged: approving takes a second, deliberate step.
    staff.get_by_role("button", name="Approve and publish").click()
    expect(staff.get_by_text("The listing still says “clean record”")).to_be_visible()
    job.refresh_from_db()
    assert job.status == JobListing.Status.PENDING
    staff.get_by_label("I have read the flagged wording and approve the listing as it is").check()
    staff.get_by_role("button", name="Approve and publish").click()
    expect(staff.get_by_text("is published")).to_be_visible()
    staff.context.close()
    job.refresh_from_db()
    assert job.status == JobListing.Status.PUBLISHED
    assert any(
        "approved" in message.subject.lower() or "published" in message.subject.lower()
        for message in mailoutbox
    )

    # A visitor filters the board by the job's sector and opens it.
    visitor = context.browser.new_context(base_url=page.url.split("/employer")[0]).new_page()
    visitor.goto("/jobs/")
    assert_no_serious_violations(visitor, "job board")
    visitor.get_by_label(re.compile(r"^Manufacturing")).check()
    visitor.get_by_role("button", name="Apply filters").click()
    expect(visitor).to_have_url(re.compile(r"[?&]sector=C(&|$)"))
    expect(visitor.locator("[data-facet=sector] input[value=C]")).to_be_checked()
    visitor.get_by_role("link", name="Trainee baker").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Trainee baker")
    expect(visitor.get_by_text("Good Bread Bakery").first).to_be_visible()
    assert "JobPosting" in visitor.locator("script[type='application/ld+json']").inner_text()
    assert_no_serious_violations(visitor, "job page")
    visitor.context.close()
