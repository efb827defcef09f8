"""The four languages from the visitor's side: addresses, the first visit, the switcher, hreflang."""

import re

import pytest
from django.conf import settings
from django.test import Client
from wagtail.models import Locale

from tests.stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


def html_element(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


def test_every_address_that_existed_keeps_working_in_english(home, story_index):
    for address in ("/", "/jobs/", "/incentives/", "/stories/", "/pledge-wall/", "/accounts/login/"):
        response = Client().get(address)
        assert response.status_code == 200, address
        assert 'lang="en-gb" dir="ltr"' in html_element(response), address


@pytest.mark.parametrize(
    ("prefix", "lang", "direction"), [("/fr", "fr", "ltr"), ("/es", "es", "ltr"), ("/ar", "ar", "rtl")]
)
def test_each_language_lives_under_its_prefix_with_its_direction(home, prefix, lang, direction):
    for address in ("/jobs/", "/incentives/", "/accounts/login/"):
        response = Client().get(prefix + address)
        assert response.status_code == 200, prefix + address
        assert f'lang="{lang}" dir="{direction}"' in html_element(response)


def test_the_first_visit_to_the_home_page_follows_the_browser(home):
    response = Client(HTTP_ACCEPT_LANGUAGE="ar-EG,ar;q=0.9,en;q=0.5").get("/")
    assert response.status_code == 302 and response["Location"] == "/ar/"
    assert "accept-language" in response["Vary"].lower()


def test_a_language_the_portal_does_not_speak_gets_english(home):
    response = Client(HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9").get("/")
    assert response.status_code == 200
    assert 'lang="en-gb"' in html_element(response)


def test_only_the_home_page_follows_the_browser(home):
    """A shared link shows what its sender saw: any other English address stays English."""
    response = Client(HTTP_ACCEPT_LANGUAGE="fr").get("/jobs/")
    assert response.status_code == 200 and 'lang="en-gb"' in html_element(response)


def test_a_visitor_who_chose_english_is_not_sent_back_to_their_browsers_language(home):
    visitor = Client(HTTP_ACCEPT_LANGUAGE="fr")
    response = visitor.get("/language/en-gb/?next=/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en-gb"
    assert visitor.get("/").status_code == 200


def test_the_switcher_keeps_the_visitor_on_the_same_page(home):
    page = Client().get("/jobs/").content.decode()
    links = dict(re.findall(r'<a href="(/language/[^"]+)" hreflang="([^"]+)"', page))
    assert set(links.values()) == {"fr", "es", "ar"}
    french = [url for url, lang in links.items() if lang == "fr"][0]
    response = Client().get(french.replace("&amp;", "&"))
    assert response.status_code == 302 and response["Location"] == "/fr/jobs/"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "/\\evil.example"])
def test_the_switch_goes_nowhere_outside_the_site(home, target):
    response = Client().get("/language/fr/", {"next": target})
    assert response.status_code == 302 and response["Location"] == "/"


def test_an_untranslated_page_switches_to_that_languages_home_with_a_notice(story_index):
    story = StoryPageFactory(parent=story_index, title="Maria's story")
    page = Client().get(story.url).content.decode()
    arabic = re.search(r'<a href="(/language/ar/[^"]+)" hreflang="ar"', page).group(1).replace("&amp;", "&")
    landing = Client().get(arabic)["Location"]
    assert landing.startswith("/ar/") and "untranslated=1" in landing
    response = Client().get(landing)
    assert 'lang="ar" dir="rtl"' in html_element(response)
    assert 'class="notice"' in response.content.decode()


def test_a_translated_page_lists_its_translations_for_search_engines(story_index):
    story = StoryPageFactory(parent=story_index, title="Maria's story")
    french_locale = Locale.objects.get(language_code="fr")
    french_home = story_index.get_parent().copy_for_translation(french_locale)
    french_home.save_revision().publish()
    french_index = story_index.copy_for_translation(french_locale)
    french_index.save_revision().publish()
    french = story.copy_for_translation(french_locale)
    french.title = "L'histoire de Maria"
    french.save_revision().publish()
    french.refresh_from_db()

    page = Client().get(story.url).content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', page))
    assert alternates["en-GB"].endswith(story.url)
    assert alternates["fr"].endswith(f"/fr{story.url}")
    assert "ar" not in alternates  # no Arabic translation: no claim that there is one
    response = Client().get(f"/fr{story.url}")
    assert response.status_code == 200 and "L&#x27;histoire de Maria" in response.content.decode()


def test_every_language_has_a_locale_for_editors(db):
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {
        code for code, _ in settings.LANGUAGES
    }
