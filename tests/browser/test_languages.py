# ruff: noqa: F811 (the employer_world fixture is imported from the phone-layout tests and used by name)
"""The public site, the checker and the employer dashboard in Arabic and French, in Chromium.

Each page: written in the language's direction (`dir`), no serious or critical axe finding, no
sideways scrolling on a 375 px phone; the language switcher keeps the visitor on the same page.
Screenshots of the Arabic pages are kept under var/screenshots/languages/ as the run's artefacts
(the folder is not in the repository).
"""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.browser.test_employer_journey import assert_no_serious_violations
from tests.browser.test_mobile_layout import MEASURE, employer_world, log_in_as  # noqa: F401 (fixture)

pytestmark = pytest.mark.browser

ARTEFACTS = settings.BASE_DIR / "var" / "screenshots" / "languages"

# The same measure, on both edges: in Arabic what sticks out does so on the left.
MEASURE_BOTH_SIDES = MEASURE.replace(
    "el.getBoundingClientRect().width > 0 && right(el) > width + 0.5",
    "el.getBoundingClientRect().width > 0 && (right(el) > width + 0.5 || el.getBoundingClientRect().left < -0.5)",
)


def public_pages(world):
    return [
        ("home", "/"),
        ("a story", world["story"].url),
        ("a campaign with its pledge form", world["campaign"].url),
        ("the job board", "/jobs/"),
        ("a job", world["job"].get_absolute_url()),
        ("the incentive checker", "/incentives/check/"),
    ]


def visit_in(page, language, pages, direction):
    problems = []
    for name, address in pages:
        url = f"/{language}{address}"
        page.set_viewport_size({"width": 1280, "height": 900})
        response = page.goto(url)
        assert response is not None and response.status < 400, f"{name} ({url}) answered {response.status}"
        html = page.locator("html")
        expect(html).to_have_attribute("lang", language)
        expect(html).to_have_attribute("dir", direction)
        assert_no_serious_violations(page, f"{name} in {language}")
        page.set_viewport_size({"width": 375, "height": 800})
        found = page.evaluate(MEASURE_BOTH_SIDES)
        if found["scrollWidth"] > found["innerWidth"]:
            problems.append(
                f"{name} ({url}) is {found['scrollWidth']} px wide: {', '.join(found['culprits'])}"
            )
        if language == "ar":
            ARTEFACTS.mkdir(parents=True, exist_ok=True)
            slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
            page.screenshot(path=str(ARTEFACTS / f"ar-{slug}-375.png"), full_page=True)
    assert not problems, "Pages that scroll sideways on a phone:\n" + "\n".join(problems)


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fr", "ltr")])
def test_public_pages_in_arabic_and_french(page, employer_world, language, direction):
    visit_in(page, language, public_pages(employer_world), direction)


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fr", "ltr")])
def test_the_employer_dashboard_in_arabic_and_french(
    context, page, live_server, employer_world, language, direction
):
    log_in_as(context, live_server, employer_world["owner"])
    visit_in(page, language, [("the employer dashboard", "/employer/")], direction)


def test_the_switcher_keeps_the_visitor_on_the_same_page(page, employer_world):
    job = employer_world["job"].get_absolute_url()
    page.goto(f"/ar{job}")
    page.locator("nav.language-switcher a[hreflang=fr]").click()
    expect(page).to_have_url(re.compile(rf"/fr{re.escape(job)}$"))
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    page.locator("nav.language-switcher a[hreflang=ar]").click()
    expect(page).to_have_url(re.compile(rf"/ar{re.escape(job)}$"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    # Right to left: the header's first item (the brand) is at the right-hand edge.
    brand = page.locator(".brand").bounding_box()
    assert brand["x"] + brand["width"] > page.viewport_size["width"] / 2
