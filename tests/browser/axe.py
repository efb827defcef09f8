"""axe-core run on a page at rest.

A CSS transition caught half-way gives colours the page never settles on: the admin's red
buttons measured 4.46:1 once, mid-fade from the hover state the submit click left the pointer
on. The pointer is moved off the page and every finite transition or animation allowed to end
before axe reads the colours, so a finding is about the page, never about timing."""

from axe_playwright_python.sync_playwright import Axe


def wait_for_animations(page):
    """Checks start once the short effects are over (Wagtail fading its messages in, a button
    fading from its hover colour); a badge pinging for half a minute, or forever, is not waited
    for."""
    page.wait_for_function(
        """() => document.getAnimations().every(
            (a) => a.playState !== "running" || a.effect.getComputedTiming().activeDuration > 2000)"""
    )


def settle(page):
    page.mouse.move(0, 0)
    wait_for_animations(page)


class SettledAxe(Axe):
    def run(self, page, *args, **kwargs):
        settle(page)
        return super().run(page, *args, **kwargs)
