"""In the browser, with axe: a privacy officer reads the audit log in the admin, filtered by a
graduate, and exports it; a provider's coordinator records a hire from an accepted introduction."""

import csv
import datetime
import io
import re

import pytest
from playwright.sync_api import expect

from matching.models import Hire, Introduction
from partners.models import PersonalDataAccess
from tests.browser.admin_login import admin_staff, log_in_to_admin
from tests.browser.axe import SettledAxe as Axe
from tests.browser.test_accessibility import describe
from tests.browser.test_mobile_layout import log_in_as
from tests.employers.factories import JobListingFactory, OwnerFactory
from tests.partners.factories import CoordinatorFactory, GraduateFactory, ProgrammeFactory

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"
BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture(scope="module")
def axe():
    return Axe()


def assert_axe_clean(page, axe, what):
    violations = axe.run(page).response["violations"]
    if "/admin/" not in page.url:
        blocking = violations
    else:
        # Wagtail's admin answers for its own minor findings; the portal for the serious ones.
        blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"{what} ({page.url}) has accessibility findings:\n{describe(blocking)}"


def test_the_audit_log_filtered_by_a_graduate_and_exported(page, axe):
    coordinator = CoordinatorFactory(user__email="coordinator@fresh.example.org")
    provider = coordinator.provider
    watched, other = (GraduateFactory(provider=provider) for _ in range(2))
    for graduate, path in ((watched, "=HYPERLINK(1)"), (other, "/partner/other/")):
        PersonalDataAccess.objects.create(
            graduate=graduate, user=coordinator.user, action=PersonalDataAccess.Action.VIEW, path=path
        )
    PersonalDataAccess.objects.create(
        graduate=watched, user=coordinator.user, action=PersonalDataAccess.Action.EXPORT, path="/export/"
    )
    officer = admin_staff("privacy@example.org", is_superuser=True, is_staff=True)

    log_in_to_admin(page, officer.email, next_url="/admin/audit-log/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Audit log")
    rows = page.locator("table.listing tbody tr")
    expect(rows).to_have_count(3)
    # The graduate's reference in a row leads to that graduate's trail.
    rows.filter(has_text="Exported").get_by_role("link", name=watched.reference).click()
    expect(page).to_have_url(re.compile(rf"graduate={watched.reference}"))
    expect(rows).to_have_count(2)
    expect(page.locator("table.listing")).not_to_contain_text(other.reference)
    expect(rows.first.get_by_role("link", name=re.compile("coordinator@fresh"))).to_be_visible()
    assert_axe_clean(page, axe, "the audit log filtered by a graduate")

    # "Download CSV" sits in the header's "More" menu.
    page.get_by_role("button", name="Actions").click()
    href = page.get_by_role("link", name="Download CSV").get_attribute("href")
    assert f"graduate={watched.reference}" in href and "export=csv" in href
    download = page.request.get(href)
    assert download.ok and download.headers["content-disposition"].startswith("attachment")
    table = list(csv.reader(io.StringIO(download.text())))
    assert [row[1] for row in table[1:]] == [watched.reference, watched.reference]
    assert "'=HYPERLINK(1)" in [row[5] for row in table[1:]]


def test_the_coordinator_records_a_hire_from_an_accepted_introduction(context, page, live_server, axe):
    coordinator = CoordinatorFactory(user__email="coordinator@fresh.example.org")
    provider = coordinator.provider
    graduate = GraduateFactory(provider=provider, programmes=[ProgrammeFactory(provider=provider)])
    owner = OwnerFactory(employer__name="Northern Bricks")
    job = JobListingFactory(employer=owner.employer, title="Site labourer")
    JobListingFactory.create_batch(3)  # other employers' jobs: never offered here
    introduction = Introduction.objects.create(
        job=job,
        graduate=graduate,
        requested_by=owner.user,
        status=Introduction.Status.ACCEPTED,
        answered_at=datetime.datetime.now(datetime.UTC),
        released_contact="Sam, 07700 900123",
    )
    log_in_as(context, live_server, coordinator.user)

    page.goto(f"/partner/introductions/{introduction.pk}/")
    page.get_by_role("link", name="Record the hire").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Record a hire of {graduate.reference}")
    expect(page.locator("[data-field=job]")).to_contain_text("Site labourer")
    expect(page.locator("select")).to_have_count(0)
    assert_axe_clean(page, axe, "the hire form")

    page.get_by_label("Hours per week").fill("200")
    page.get_by_role("button", name="Record the hire").click()
    expect(page.locator("#id_start_date-error")).to_be_visible()
    expect(page.locator("#id_hours_per_week-error")).to_be_visible()
    expect(page.get_by_label("Hours per week")).to_have_value("200")
    assert_axe_clean(page, axe, "the hire form with errors")

    start = datetime.date.today() + datetime.timedelta(days=7)
    page.get_by_label("Start date").fill(start.isoformat())
    page.get_by_label("Hours per week").fill("30")
    page.get_by_role("button", name="Record the hire").click()
    expect(page).to_have_url(re.compile(rf"/partner/graduates/{graduate.reference}/$"))
    expect(page.locator(".message-success")).to_contain_text("is recorded")
    expect(page.get_by_role("region", name="Hires")).to_contain_text("30 hours a week")
    hire = Hire.objects.get()
    assert (hire.introduction_id, hire.job_id, hire.start_date, hire.hours_per_week) == (
        introduction.pk,
        job.pk,
        start,
        30,
    )
    assert_axe_clean(page, axe, "the graduate's page after the hire, with its trail")
