"""axe-core in the real browser over the survey pages: the answer sheet (blank, with errors, in
Arabic), the thanks page, the results with charts and tables, /impact/ with the survey panel, and
the admin's survey listing, wave form and results page."""

import pytest
from playwright.sync_api import expect

from tests.browser.admin_login import admin_staff, log_in_to_admin
from tests.browser.axe import SettledAxe as Axe
from tests.browser.page_checks import assert_accessible_and_narrow, assert_no_serious_violations
from tests.surveys.factories import SurveyWaveFactory, answer_all

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.fixture
def wave(home):
    wave = SurveyWaveFactory(slug="open-wave", survey__slug="acceptance")
    answer_all(wave, agree=40, disagree=25, prefer_not=3, age_band="25-44", region="GB-MAN")
    answer_all(wave, agree=30, disagree=20, age_band="45-64", region="GB-LIV")
    return wave


def show_sheet_errors(page):
    page.goto("/surveys/open-wave/")
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")


PUBLIC = {
    "answer sheet": "/surveys/open-wave/",
    "answer sheet with errors": show_sheet_errors,
    "answer sheet in Arabic": "/ar/surveys/open-wave/",
    "thanks": "/surveys/open-wave/thanks/",
    "results": "/surveys/results/acceptance/",
    "impact": "/impact/",
}
ADMIN = {
    "survey listing": "/admin/snippets/surveys/survey/",
    "survey form": "/admin/snippets/surveys/survey/edit/{survey}/",
    "new wave": "/admin/snippets/surveys/surveywave/add/",
    "admin results": "/admin/surveys/{survey}/results/",
}


@pytest.mark.parametrize("kind", list(PUBLIC))
def test_survey_pages_pass_axe_and_fit_a_phone(page, wave, axe, kind):
    target = PUBLIC[kind]
    if callable(target):
        target(page)
    else:
        assert page.goto(target).status == 200, page.url
    assert_accessible_and_narrow(page, axe, kind)


def test_survey_admin_pages_have_no_serious_accessibility_violations(page, wave, axe):
    admin_staff("editor@example.org", "Campaign editors")
    log_in_to_admin(page, "editor@example.org", next_url="/admin/snippets/surveys/survey/")
    for kind, target in ADMIN.items():
        assert page.goto(target.format(survey=wave.survey.pk)).status == 200, kind
        assert_no_serious_violations(page, axe, kind)
