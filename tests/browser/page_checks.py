"""The two checks every page of a feature gets in the browser, on one load: axe-core finds no
serious or critical violation, and the page narrowed to a phone's 320 px does not scroll sideways."""

from tests.browser.test_accessibility import BLOCKING_IMPACTS, describe
from tests.browser.test_mobile_layout import MEASURE


def assert_no_serious_violations(page, axe, kind):
    violations = axe.run(page).response["violations"]
    blocking = [violation for violation in violations if violation["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"{kind} ({page.url}) has accessibility violations:\n{describe(blocking)}"


def assert_fits_a_phone(page, kind):
    page.set_viewport_size({"width": 320, "height": 640})
    measured = page.evaluate(MEASURE)
    assert measured["scrollWidth"] <= measured["innerWidth"], f"{kind} scrolls sideways at 320 px: {measured}"


def assert_accessible_and_narrow(page, axe, kind):
    """axe at the width the page was opened at, then the same page narrowed to 320 px."""
    assert_no_serious_violations(page, axe, kind)
    assert_fits_a_phone(page, kind)
