"""axe-core in the real browser, and a 320 px wide phone, over every page of applications: the
job page's Apply offer, the apply form (blank and with errors), My applications, one application
at interview, the employer's inbox, an application (and with a form's errors), the hire form and
the partner area's list. One test per page does both checks."""

import pytest
from playwright.sync_api import expect

from tests.applications.factories import ApplicationFactory, at_stage
from tests.browser.axe import SettledAxe as Axe
from tests.browser.page_checks import assert_accessible_and_narrow
from tests.browser.test_mobile_layout import log_in_as
from tests.employers.factories import JobListingFactory, OwnerFactory
from tests.partners.factories import CoordinatorFactory
from tests.seekers.factories import ConfirmedLinkFactory, JobSeekerFactory, with_cv

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.fixture
def world(home):
    job = JobListingFactory(
        title="Trainee multi-skilled maintenance operative (electrical, plumbing and general repairs)",
        fair_chance_statement="We judge people on what they can do.",
        works_with_vulnerable_people=True,
    )
    owner = OwnerFactory(employer=job.employer).user
    # A long address, as people have: it must wrap on a phone, not push the page sideways.
    seeker = with_cv(JobSeekerFactory(user__email="oluwaseunadeyemiwhitfield@seekers.example.org"))
    application = at_stage(ApplicationFactory(job=job, seeker=seeker, shares_cv=True), "interview", by=owner)
    open_job = JobListingFactory(title="Line Cook", employer=job.employer)
    staff = CoordinatorFactory()
    ConfirmedLinkFactory(seeker=seeker, provider=staff.provider)
    return {
        "job": job,
        "open_job": open_job,
        "owner": owner,
        "seeker": seeker.user,
        "coordinator": staff.user,
        "application": application,
    }


def _submit_empty(button):
    def submit(page):
        page.get_by_role("button", name=button).click()
        expect(page.get_by_role("alert").first).to_be_visible()

    return submit


def _send_nothing(page):
    page.get_by_label("Send my profile").uncheck()
    page.get_by_label("Send my CV").uncheck()
    _submit_empty("Send my application")(page)


def _invite_without_a_place(page):
    page.get_by_text("Invite to an interview").click()
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.locator(".field-error").first).to_be_visible()


APPLICATION = "/employer/jobs/{job}/applications/{application}/"
PAGES = {
    "job page with the Apply button": ("seeker", "{open_job_url}", None),
    "apply form": ("seeker", "/seeker/applications/apply/{open_job}/", None),
    "apply form with errors": ("seeker", "/seeker/applications/apply/{open_job}/", _send_nothing),
    "my applications": ("seeker", "/seeker/applications/", None),
    "my application at interview": ("seeker", "/seeker/applications/{application}/", None),
    "inbox": ("owner", "/employer/jobs/{job}/applications/", None),
    "application": ("owner", APPLICATION, None),
    "application with errors": ("owner", APPLICATION, _invite_without_a_place),
    "hire form": ("owner", APPLICATION + "hire/", None),
    "hire form with errors": ("owner", APPLICATION + "hire/", _submit_empty("Record the hire")),
    "partner list": ("coordinator", "/partner/seeker-applications/", None),
}


@pytest.mark.parametrize("kind", list(PAGES))
def test_application_pages_are_accessible_and_fit_a_phone(context, page, live_server, world, axe, kind):
    who, target, then = PAGES[kind]
    values = {
        "job": world["job"].pk,
        "application": world["application"].pk,
        "open_job": world["open_job"].pk,
        "open_job_url": world["open_job"].get_absolute_url(),
    }
    log_in_as(context, live_server, world[who])
    response = page.goto(target.format(**values))
    assert response.status == 200, page.url
    if then:
        then(page)
    assert_accessible_and_narrow(page, axe, kind)
