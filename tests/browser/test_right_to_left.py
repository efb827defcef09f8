"""Arabic on a phone: the page reads right to left, the header with its language switcher fits 375 px
without scrolling sideways, the current language is marked by more than colour, the keyboard focus
shows on the green header, and the pagination arrows point the way the page reads."""

import pytest

from tests.jobs.factories import JobListingFactory

pytestmark = pytest.mark.browser

# Scrolling sideways either way: in right to left the overflow goes to the left, and scrollWidth
# counts it as well.
SIDEWAYS = "() => document.documentElement.scrollWidth > window.innerWidth"


@pytest.fixture
def phone(page):
    page.set_viewport_size({"width": 375, "height": 800})
    return page


def test_the_arabic_header_fits_a_phone_with_the_language_switcher(phone):
    phone.goto("/ar/jobs/")
    assert phone.locator("html").get_attribute("dir") == "rtl"
    assert not phone.evaluate(SIDEWAYS)

    switcher = phone.locator("nav.language-switcher")
    box = switcher.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375

    current = switcher.locator("[aria-current]")
    assert current.inner_text() == "العربية"
    style = current.evaluate(
        "el => { const s = getComputedStyle(el); return [s.borderTopStyle, s.borderTopColor, s.fontWeight]; }"
    )
    assert style[0] == "solid" and style[1] != "rgba(0, 0, 0, 0)", "the current language is boxed"
    assert int(style[2]) >= 700, "and bold: not marked by colour alone"

    link = switcher.get_by_role("link", name="Français")
    link.focus()
    assert link.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    # The header's focus ring is yellow (#facc15), not the page's blue, which hardly shows on green.
    assert link.evaluate("el => getComputedStyle(el).outlineColor") == "rgb(250, 204, 21)"


def test_the_arabic_pagination_arrows_point_the_way_the_page_reads(phone):
    for number in range(21):
        JobListingFactory(title=f"Job {number}")
    phone.goto("/ar/jobs/?page=2")
    previous = phone.locator(".pagination a[rel=prev]")
    mirrored = previous.evaluate("el => getComputedStyle(el, '::before').transform")
    assert mirrored.startswith("matrix(-1"), mirrored
    assert not phone.evaluate(SIDEWAYS)

    phone.goto("/jobs/?page=2")
    assert (
        phone.locator(".pagination a[rel=prev]").evaluate("el => getComputedStyle(el, '::before').transform")
        == "none"
    )
