"""axe-core in the real browser over the seekers app's pages (the seeker area, job seekers in the
employer and partner areas), each page loaded once at phone size (320 px) and checked for both:
no serious accessibility violation, nothing scrolling sideways. Each case names the main heading
its page must show, so an error page cannot pass."""

import pytest
from playwright.sync_api import expect

from tests.browser.axe import SettledAxe as Axe
from tests.browser.page_checks import assert_fits_a_phone, assert_no_serious_violations
from tests.browser.test_job_journey import log_in
from tests.employers.factories import JobListingFactory, OwnerFactory, SkillFactory
from tests.partners.factories import CoordinatorFactory, ProgrammeProviderFactory
from tests.seekers.factories import (
    AcceptedIntroductionFactory,
    ConfirmedLinkFactory,
    FindableSeekerFactory,
    ProviderLinkFactory,
    SeekerIntroductionFactory,
    with_cv,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.fixture
def world(home):
    cooking = SkillFactory(name="Cooking")
    seeker = with_cv(FindableSeekerFactory(skills=[cooking], user__email="seeker@example.org"))
    job = JobListingFactory(title="Line Cook", skills=[cooking], region="GB-MAN")
    OwnerFactory(employer=job.employer, user__email="owner@example.org")
    AcceptedIntroductionFactory(job=job, seeker=seeker)
    SeekerIntroductionFactory(job=JobListingFactory(title="Prep Cook", skills=[cooking]), seeker=seeker)
    provider = ProgrammeProviderFactory(name="Fresh Start Futures")
    CoordinatorFactory(provider=provider, user__email="coord@example.org")
    ConfirmedLinkFactory(seeker=seeker, provider=provider)
    ProviderLinkFactory(provider=provider)
    FindableSeekerFactory(skills=[cooking])
    return {"seeker": seeker.reference, "job": job.pk}


def show_profile_errors(page, world):
    page.goto("/seeker/profile/")
    page.get_by_label("Hours a week").fill("200")
    page.get_by_role("button", name="Save your profile").click()
    expect(page.get_by_role("alert").first).to_contain_text("There is a problem")


SEEKER, OWNER, COORDINATOR = "seeker@example.org", "owner@example.org", "coord@example.org"
# kind: (who, address or steps, the main heading)
CASES = {
    "seeker: profile": (SEEKER, "/seeker/", "Your profile"),
    "seeker: edit profile": (SEEKER, "/seeker/profile/", "Edit your profile"),
    "seeker: edit profile with errors": (SEEKER, show_profile_errors, "Edit your profile"),
    "seeker: work history": (SEEKER, "/seeker/work-history/", "Work history"),
    "seeker: CV": (SEEKER, "/seeker/cv/", "Your CV"),
    "seeker: matched jobs": (SEEKER, "/seeker/jobs/", "Jobs that match your profile"),
    "seeker: introductions": (SEEKER, "/seeker/introductions/", "Introductions"),
    "seeker: programme providers": (SEEKER, "/seeker/providers/", "Programme providers"),
    "employer: job seekers for a job": (OWNER, "/employer/jobs/{job}/seekers/", "Job seekers who match"),
    "employer: a seeker's profile": (OWNER, "/employer/seekers/{seeker}/", "Job seeker"),
    "partner: job seekers": (COORDINATOR, "/partner/seekers/", "Job seekers"),
    "partner: a seeker's profile": (COORDINATOR, "/partner/seekers/{seeker}/", "Job seeker"),
}
LANDING = {SEEKER: r"/seeker/$", OWNER: r"/employer/$", COORDINATOR: r"/partner/$"}


@pytest.mark.parametrize("kind", list(CASES))
def test_seeker_pages_are_accessible_and_fit_a_phone(page, world, axe, kind):
    who, target, heading = CASES[kind]
    page.set_viewport_size({"width": 320, "height": 640})
    log_in(page, who, expected=LANDING[who])
    if callable(target):
        target(page, world)
    else:
        response = page.goto(target.format(**world))
        assert response.status == 200, page.url
    expect(page.get_by_role("heading", level=1).first).to_contain_text(heading)
    assert_no_serious_violations(page, axe, kind)
    assert_fits_a_phone(page, kind)
