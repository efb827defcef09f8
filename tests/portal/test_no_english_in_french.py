"""A page visited in French never shows an English interface string.

The pages a visitor, a supporter and an employer meet, rendered at their French address; every
piece of visible text (text nodes, and the attributes people read: alt, title, placeholder,
aria-label, a button's value) is compared with the English catalogue: any text that is the
English wording of a message whose French differs is a string that escaped translation.
Content an editor or employer wrote in English (a page without a French translation, marked
`lang="en-gb"`, a job title) is content, not interface, and is left out where it is marked.
"""

import re
from html.parser import HTMLParser

import polib
import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from tests.campaigns.factories import LiveCampaignPageFactory
from tests.employers.factories import EmployerFactory, HiringPledgeFactory, JobListingFactory, owner_of
from tests.stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

PLACEHOLDER = re.compile(r"%\(?\w*\)?[sdif]|\{\w*\}|<|&")
READ_ATTRIBUTES = {"alt", "title", "placeholder", "aria-label", "aria-description"}


def english_messages():
    """{English text: msgid} of the messages whose French is another text."""
    catalogue = polib.pofile(str(settings.BASE_DIR / "locale/en/LC_MESSAGES/django.po"))
    found = {}
    with translation.override("fr"):
        for entry in catalogue.translated_entries():
            if entry.msgid_plural or entry.msgctxt or PLACEHOLDER.search(entry.msgid):
                continue
            english = " ".join(entry.msgstr.split())
            if len(english) < 2 or not re.search(r"[A-Za-z]{2}", english):
                continue
            if " ".join(translation.gettext(entry.msgid).split()) != english:
                found[english] = entry.msgid
    return found


class VisibleText(HTMLParser):
    """The text a reader meets, outside scripts, styles and content marked as another language."""

    VOID = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, skipped)
        self.texts = []

    def skipped(self):
        return any(skip for _tag, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        lang = attributes.get("lang")
        skip = tag in ("script", "style", "template") or (lang is not None and not lang.startswith("fr"))
        if not skip and not self.skipped():
            for name in READ_ATTRIBUTES & attributes.keys():
                self.texts.append(attributes[name] or "")
            if tag == "input" and attributes.get("type") in ("submit", "button") and attributes.get("value"):
                self.texts.append(attributes["value"])
        if tag not in self.VOID:
            self.stack.append((tag, skip))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if not self.skipped() and data.strip():
            self.texts.append(data)


def english_on(html, messages):
    parser = VisibleText()
    parser.feed(html)
    texts = [" ".join(text.split()) for text in parser.texts]
    whole = " ".join(texts)
    found = {text for text in texts if text in messages}
    # Longer sentences also where markup splits or joins them.
    found |= {english for english in messages if len(english.split()) >= 6 and english in whole}
    return sorted(found)


@pytest.fixture
def french_world(home, story_index, campaign_index, standard_pages, example_schemes):
    owner, employer = owner_of(EmployerFactory(name="Fair Foods"))
    HiringPledgeFactory(employer=employer)
    job = JobListingFactory(employer=employer, title="Kitchen porter", place="Leeds")
    story = StoryPageFactory(parent=story_index, title="A second chance in the kitchen")
    campaign = LiveCampaignPageFactory(parent=campaign_index, title="Give people a second chance")
    return {"owner": owner, "job": job, "story": story, "campaign": campaign, "employer": employer}


def test_public_pages_in_french_show_no_english_interface_string(french_world):
    messages = english_messages()
    assert len(messages) > 1000  # the comparison has something to compare with
    visitor = Client()
    pages = {
        "home": "/fr/",
        "stories": "/fr/stories/",
        "a story": f"/fr{french_world['story'].url}",
        "a campaign with its pledge form": f"/fr{french_world['campaign'].url}",
        "the job board": "/fr/jobs/",
        "a job": french_world["job"].get_absolute_url(),
        "the pledge wall": "/fr/pledge-wall/",
        "an employer": french_world["employer"].get_absolute_url(),
        "incentives": "/fr/incentives/",
        "the checker": "/fr/incentives/check/",
        "search": "/fr/search/?q=kitchen",
        "log in": "/fr/accounts/login/",
        "sign up": "/fr/accounts/signup/",
        "not found": "/fr/no-such-page/",
    }
    found = {}
    for name, address in pages.items():
        address = address if address.startswith("/fr/") else f"/fr{address}"
        response = visitor.get(address, follow=True)
        assert response.status_code in (200, 404), (name, address, response.status_code)
        english = english_on(response.content.decode(), messages)
        if english:
            found[f"{name} ({address})"] = english
    assert not found, f"English interface strings on French pages: {found}"


def test_the_employer_area_in_french_shows_no_english_interface_string(french_world):
    messages = english_messages()
    employer = Client()
    employer.force_login(french_world["owner"])
    found = {}
    for address in (
        "/fr/employer/",
        "/fr/employer/jobs/",
        "/fr/employer/pledge/",
        "/fr/employer/organisation/",
    ):
        response = employer.get(address, follow=True)
        assert response.status_code == 200, address
        english = english_on(response.content.decode(), messages)
        if english:
            found[address] = english
    assert not found, f"English interface strings on French pages: {found}"


def test_the_check_finds_english_when_there_is_some():
    """The detector itself: an English sentence of the catalogue on a French page is found, the
    same sentence in French is not, and English content marked as such is left alone."""
    messages = english_messages()
    english = "Skip to main content"
    assert english in messages
    with translation.override("fr"):
        french = translation.gettext(english)
    assert english_on(f"<p>{english}</p>", messages) == [english]
    assert english_on(f"<p>{french}</p>", messages) == []
    assert english_on(f'<div lang="en-gb"><p>{english}</p></div>', messages) == []
