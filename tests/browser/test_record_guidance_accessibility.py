"""axe-core in the real browser over record guidance, and each page at 320 px, where nothing may
scroll sideways: a job page with its guidance, the self-check blank, with errors, with an answer,
and in Arabic (right to left). One test per page: axe and the phone width together."""

import pytest
from playwright.sync_api import expect

from record_guidance.models import SentenceBand
from taxonomy.models import Occupation
from tests.browser.axe import SettledAxe as Axe
from tests.browser.page_checks import assert_accessible_and_narrow
from tests.employers.factories import JobListingFactory
from tests.record_guidance.factories import RecordGuidanceFactory, example_rules

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.fixture
def guidance(home):
    england_and_wales, _scotland = example_rules()
    RecordGuidanceFactory(jurisdiction=england_and_wales)
    job = JobListingFactory(
        occupation=Occupation.objects.get(code="5321"), region="GB-MAN", title="Care assistant"
    )
    return job.get_absolute_url()


def job_page(page, job_url):
    assert page.goto(job_url).status == 200
    expect(page.locator("[data-record-guidance]")).to_contain_text("Required by law")


def blank(page, job_url):
    assert page.goto("/record-check/").status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Is my conviction spent? A self-check")


def with_errors(page, job_url):
    blank(page, job_url)
    page.get_by_role("button", name="Check", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")


def with_an_answer(page, job_url):
    blank(page, job_url)
    page.get_by_label("Where were you sentenced?").select_option(label="England and Wales")
    page.get_by_label(str(SentenceBand.UP_TO_30_MONTHS.label), exact=True).check()
    page.get_by_label("When did the sentence end?").select_option(value="1")
    page.get_by_role("button", name="Check", exact=True).click()
    expect(page.locator("[data-outcome]")).to_contain_text("Not spent yet")


def in_arabic(page, job_url):
    assert page.goto("/ar/record-check/").status == 200
    expect(page.locator("html")).to_have_attribute("dir", "rtl")


PAGES = {
    "job page with guidance": job_page,
    "self-check": blank,
    "self-check with errors": with_errors,
    "self-check with an answer": with_an_answer,
    "self-check in Arabic": in_arabic,
}


@pytest.mark.parametrize("kind", list(PAGES))
def test_record_guidance_pages_are_accessible_and_fit_a_phone(page, guidance, axe, kind):
    PAGES[kind](page, guidance)
    assert_accessible_and_narrow(page, axe, kind)
