"""axe-core in the real browser over the awards: the public pages (with a shortlist and winners),
the nomination forms of the employer and partner areas (with and without errors), and the Wagtail
admin's judging page and score sheet."""

import pytest
from playwright.sync_api import expect

from awards.models import Category
from tests.awards.factories import AwardRoundFactory, NominationFactory, category, score_all
from tests.browser.admin_login import admin_staff, log_in_to_admin
from tests.browser.axe import SettledAxe as Axe
from tests.browser.page_checks import assert_accessible_and_narrow, assert_no_serious_violations
from tests.browser.test_job_journey import log_in
from tests.employers.factories import EmployerFactory, owner_of
from tests.partners.factories import CoordinatorFactory, ProgrammeProviderFactory

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.fixture
def awards(home):
    owner_of(EmployerFactory(name="Harbour Bakery"), email="owner@harbour.example.org")
    CoordinatorFactory(
        provider=ProgrammeProviderFactory(name="Fresh Start Futures"), user__email="coord@fresh.example.org"
    )
    judge = admin_staff("judge@example.org", group="Campaign editors")
    past = AwardRoundFactory(title="Fair Chance Employer of the Year 2026", year=2026)
    winner = NominationFactory(
        category=category(past, Category.Kind.RETENTION), employer=EmployerFactory(name="Kind Kitchens")
    )
    past.start_judging()
    score_all(winner, judge)
    past.publish_shortlist()
    winner.choose_as_winner()
    past.publish_winners()
    current = AwardRoundFactory(title="Fair Chance Employer of the Year 2027", year=2027, panel=[judge])
    judged = NominationFactory(category=category(current, Category.Kind.MOST_IMPROVED))
    current.start_judging()
    AwardRoundFactory(title="Fair Chance Employer of the Year 2028", year=2028)  # open
    return {"past": past, "current": current, "judged": judged}


def submit_empty(page, url, button):
    page.goto(url)
    page.get_by_role("button", name=button).click()
    expect(page.get_by_text("This field is required.").first).to_be_visible()


PAGES = {
    "awards": ("visitor", "/awards/"),
    "round with winners": ("visitor", "{past}"),
    "round in Arabic": ("visitor", "/ar{past}"),
    "employer nominations": ("employer", "/employer/awards/"),
    "employer nomination form": ("employer", "/employer/awards/nominate/"),
    "employer nomination form with errors": (
        "employer",
        ("/employer/awards/nominate/", "Send the nomination"),
    ),
    "partner nomination form": ("partner", "/partner/awards/nominate/"),
    "partner nomination form with errors": ("partner", ("/partner/awards/nominate/", "Send the nomination")),
    "admin judging page": ("judge", "/admin/awards/judging/{current_pk}/"),
    "admin score sheet": ("judge", "/admin/awards/nominations/{judged_pk}/score/"),
    "admin score sheet with errors": (
        "judge",
        ("/admin/awards/nominations/{judged_pk}/score/", "Save my scores"),
    ),
}


@pytest.mark.parametrize("kind", list(PAGES))
def test_award_pages_pass_axe_and_fit_a_phone(page, awards, axe, kind):
    who, target = PAGES[kind]
    values = {
        "past": awards["past"].get_absolute_url(),
        "current_pk": awards["current"].pk,
        "judged_pk": awards["judged"].pk,
    }
    url = (target[0] if isinstance(target, tuple) else target).format(**values)
    if who == "employer":
        log_in(page, "owner@harbour.example.org")
    elif who == "partner":
        log_in(page, "coord@fresh.example.org", expected=r"/partner/")
    elif who == "judge":
        log_in_to_admin(page, "judge@example.org", next_url=url)
    if isinstance(target, tuple):
        submit_empty(page, url, target[1])
    else:
        response = page.goto(url)
        assert response.status == 200, page.url
    if who == "judge":  # the Wagtail admin is not laid out for phones
        assert_no_serious_violations(page, axe, kind)
    else:
        assert_accessible_and_narrow(page, axe, kind)
