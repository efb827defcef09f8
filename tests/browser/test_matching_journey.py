"""A partner records a graduate, the employer finds them matched to a job, and they are introduced."""

import re

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from matching.models import Introduction
from partners.models import Graduate
from tests.browser.test_employer_journey import assert_no_serious_violations
from tests.browser.test_job_journey import log_in
from tests.employers.factories import EmployerFactory, JobListingFactory, SkillFactory, owner_of
from tests.partners.factories import CoordinatorFactory, ProgrammeFactory
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.browser


def test_graduate_is_matched_introduced_and_contact_released(context, page, mailoutbox):
    bricklaying = SkillFactory(name="Bricklaying")
    staff = CoordinatorFactory(user=UserFactory(email="coordinator@provider.example.org"))
    EmailAddress.objects.get_or_create(
        user=staff.user, email=staff.user.email, defaults={"verified": True, "primary": True}
    )
    programme = ProgrammeFactory(provider=staff.provider, name="Bricklaying Level 1", skills=[bricklaying])
    owner, employer = owner_of(EmployerFactory(name="Solid Walls Ltd"), email="owner@walls.example.org")
    job = JobListingFactory(
        employer=employer, title="Trainee bricklayer", sector="F", region="GB-LDS", skills={bricklaying: True}
    )

    # 1. The partner records a graduate with consent and sees the matched job.
    log_in(page, "coordinator@provider.example.org", expected=r"/partner/$")
    page.goto("/partner/graduates/new/")
    assert_no_serious_violations(page, "graduate form")
    page.get_by_label("Full name").fill("Marker Person Zq")
    page.get_by_label("Phone number").fill("07700 900123")
    page.locator("#id_programmes-0-programme").select_option(value=str(programme.pk))
    page.locator("#id_programmes-0-completed_on").fill("2026-06-30")
    page.get_by_label("Preferred regions").select_option(label="Leeds")
    page.get_by_label("Consent given on").fill("2026-07-01")
    page.get_by_label("How consent was given").select_option(index=1)
    page.get_by_role("button", name="Save").click()
    graduate = Graduate.objects.get()
    expect(page).to_have_url(re.compile(re.escape(f"/partner/graduates/{graduate.reference}/")))
    expect(page.get_by_text("Trainee bricklayer").first).to_be_visible()
    assert_no_serious_violations(page, "graduate page with matched jobs")

    # 2. The employer sees the anonymised graduate on its job and asks for an introduction.
    employer_page = context.browser.new_context(base_url=page.url.split("/partner")[0]).new_page()
    log_in(employer_page, "owner@walls.example.org")
    employer_page.goto(f"/employer/jobs/{job.pk}/matches/")
    expect(employer_page.get_by_text(graduate.reference).first).to_be_visible()
    assert "Marker Person Zq" not in employer_page.content()
    assert "07700 900123" not in employer_page.content()
    assert_no_serious_violations(employer_page, "employer's matches page")
    employer_page.locator("textarea").first.fill("We would love to meet them for the trainee role.")
    employer_page.get_by_role("button", name=re.compile("Request an introduction")).first.click()
    introduction = Introduction.objects.get()
    assert introduction.status == Introduction.Status.REQUESTED
    assert any(staff.user.email in message.to for message in mailoutbox)

    # 3. The partner accepts and releases the contact details.
    page.goto(f"/partner/introductions/{introduction.pk}/")
    assert_no_serious_violations(page, "introduction page")
    page.get_by_role("button", name="Accept and release these details").click()
    introduction.refresh_from_db()
    assert introduction.status == Introduction.Status.ACCEPTED

    # 4. The employer now sees the released contact, and no e-mail carried it.
    employer_page.goto(f"/employer/jobs/{job.pk}/matches/")
    expect(employer_page.get_by_text("Marker Person Zq").first).to_be_visible()
    assert not any("07700 900123" in message.body for message in mailoutbox)
    employer_page.context.close()
