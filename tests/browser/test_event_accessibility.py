"""axe-core in the real browser over the events pages that test_accessibility.py does not open:
an attendee's own pages (confirmation, place, waiting-list place, cancellation), the event page of
a signed-in person before and after their one-click sign-up, a past event with its summary, an
event inside a campaign, the listing filtered and with no results, and the event and the listing
in Arabic; and the same pages at 320 px, where nothing may scroll sideways.

Each case names the main heading its page must show: a page that did not render (a 404, the
wrong state) fails on the heading before axe runs, rather than passing axe as an empty page.
"""

import re
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from community_events.models import EventKind
from tests.browser.axe import SettledAxe as Axe
from tests.browser.page_checks import assert_accessible_and_narrow
from tests.campaigns.factories import LiveCampaignPageFactory
from tests.community_events.factories import (
    AttendeeFactory,
    EventIndexPageFactory,
    EventPageFactory,
    OnlineEventPageFactory,
    PastEventPageFactory,
    PendingAttendeeFactory,
    WaitingAttendeeFactory,
)
from tests.employers.factories import VerifiedUserFactory

pytestmark = pytest.mark.browser

ARABIC_TITLE = "معرض التوظيف في الربيع"


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.fixture
def events(home, campaign_index):
    index = EventIndexPageFactory(parent=home)
    fair = EventPageFactory(parent=index, title="Spring job fair", capacity=1)
    online = OnlineEventPageFactory(parent=index, title="Hiring with a record: a briefing")
    past = PastEventPageFactory(parent=index, title="Autumn open day")
    campaign = LiveCampaignPageFactory(parent=campaign_index, title="Give people a second chance")
    in_campaign = EventPageFactory(
        parent=campaign, title="Yellow ribbon run", slug="yellow-ribbon-run", kind=EventKind.COMMUNITY
    )
    arabic = fair.copy_for_translation(Locale.objects.get(language_code="ar"), copy_parents=True)
    arabic.title = ARABIC_TITLE
    arabic.save_revision().publish()
    arabic.refresh_from_db()
    VerifiedUserFactory(email="member@example.org")
    return {
        "fair": fair,
        "online": online,
        "past": past,
        "in campaign": in_campaign,
        "arabic": arabic,
        "pending": PendingAttendeeFactory(event=online, name="Sam"),
        "confirmed": AttendeeFactory(event=fair, name="Jo"),
        "waiting": WaitingAttendeeFactory(event=fair, name="Kim"),
        "online place": AttendeeFactory(event=online, name="Lee"),
    }


def log_in_and_open(page, email, url):
    page.goto("/accounts/login/?" + urlencode({"next": url}))
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(re.escape(url) + "$"))


def confirm_place(page, events):
    page.goto(f"/events/confirm/{events['pending'].confirmation_token()}/")
    page.get_by_role("button", name="Confirm my place").click()


def cancel_place(page, events):
    page.goto(f"/events/place/{events['online place'].attendee_token()}/cancel/")
    page.get_by_role("button", name="Cancel my place").click()


def signed_in_event_page(page, events):
    log_in_and_open(page, "member@example.org", events["online"].url)
    expect(page.get_by_role("button", name="Sign me up")).to_be_visible()


def after_one_click_join(page, events):
    signed_in_event_page(page, events)
    page.get_by_role("button", name="Sign me up").click()
    expect(page.get_by_text("Your place is confirmed. We have e-mailed you the details.")).to_be_visible()


# What each case opens (an address, or steps), and the main heading it must then show.
CASES = {
    "confirmation": (lambda e: f"/events/confirm/{e['pending'].confirmation_token()}/", "Confirm your place"),
    "confirmation, confirmed": (confirm_place, "Your place is confirmed"),
    "place": (
        lambda e: f"/events/place/{e['online place'].attendee_token()}/",
        "Hiring with a record: a briefing",
    ),
    "place on the waiting list": (
        lambda e: f"/events/place/{e['waiting'].attendee_token()}/",
        "Spring job fair",
    ),
    "cancel confirmation": (
        lambda e: f"/events/place/{e['online place'].attendee_token()}/cancel/",
        "Cancel your place",
    ),
    "cancel, cancelled": (cancel_place, "Your place is cancelled"),
    "link that does not work": (lambda e: "/events/place/not-a-token/", "This link does not work"),
    "event, signed in": (signed_in_event_page, "Hiring with a record: a briefing"),
    "event after one-click sign-up": (after_one_click_join, "Hiring with a record: a briefing"),
    "past event with its summary": (lambda e: e["past"].url, "Autumn open day"),
    "event inside a campaign": (lambda e: e["in campaign"].url, "Yellow ribbon run"),
    "listing, filtered": (lambda e: "/events/?kind=job-fair&region=GB-MAN&attendance=in-person", "Events"),
    "listing, no results": (lambda e: "/events/?kind=training&attendance=online", "Events"),
    "event in Arabic": (lambda e: e["arabic"].url, ARABIC_TITLE),
    "listing in Arabic": (lambda e: "/ar/events/", "Events"),
}

# What must be on the page besides its heading, so that the case shows what it names.
EXPECTED_TEXT = {
    "place": "You have a place at this event.",
    "place on the waiting list": "You are number 1 on the waiting list.",
    "past event with its summary": "Forty people came; six employers met graduates.",
    "event inside a campaign": "Part of the campaign",
    "listing, filtered": "1 upcoming event",
    "listing, no results": "No upcoming events match these filters.",
    "event in Arabic": "معرض",
}
EXPECTED_STATUS = {"link that does not work": 404}


def open_case(page, events, kind):
    target, heading = CASES[kind]
    if kind in (
        "confirmation, confirmed",
        "cancel, cancelled",
        "event, signed in",
        "event after one-click sign-up",
    ):
        target(page, events)
    else:
        response = page.goto(target(events))
        assert response.status == EXPECTED_STATUS.get(kind, 200), page.url
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    if kind in EXPECTED_TEXT:
        expect(page.locator("main")).to_contain_text(EXPECTED_TEXT[kind])
    if "Arabic" in kind:
        expect(page.locator("html")).to_have_attribute("dir", "rtl")


@pytest.mark.parametrize("kind", list(CASES))
def test_event_pages_pass_axe_and_fit_a_phone(page, events, axe, kind):
    open_case(page, events, kind)
    assert_accessible_and_narrow(page, axe, kind)
