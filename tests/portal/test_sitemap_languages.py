"""The pages sitemap lists every language's pages, each with its translations as hreflang alternates."""

from xml.etree import ElementTree

import pytest
from wagtail.models import Locale, Page

from tests.stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def translate(page, code):
    translation = page.copy_for_translation(Locale.objects.get(language_code=code), copy_parents=True)
    for ancestor in [*translation.get_ancestors().filter(depth__gt=1).specific(), translation.specific]:
        if not ancestor.live:
            ancestor.save_revision().publish()
    return translation


def pages_sitemap(client):
    response = client.get("/sitemap-pages.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_translated_pages_are_listed_with_their_alternates(client, story_index):
    story = StoryPageFactory(parent=story_index, slug="dad-again")
    translate(story, "fr")
    translate(story, "ar")
    untranslated = StoryPageFactory(parent=story_index, slug="coding-bootcamp")

    urls = pages_sitemap(client)

    expected = {
        "en-GB": "http://testserver/stories/dad-again/",
        "fr": "http://testserver/fr/stories/dad-again/",
        "ar": "http://testserver/ar/stories/dad-again/",
        "x-default": "http://testserver/stories/dad-again/",
    }
    for address in ("/stories/dad-again/", "/fr/stories/dad-again/", "/ar/stories/dad-again/"):
        assert urls[f"http://testserver{address}"] == expected
    assert "http://testserver/fr/" in urls  # the French home page, copied with the story
    assert "es" not in urls["http://testserver/"]  # no Spanish home page: none claimed
    assert urls[f"http://testserver{untranslated.url}"] == {}  # one language: no alternates


def test_an_unpublished_translation_is_neither_listed_nor_an_alternate(client, story_index):
    story = StoryPageFactory(parent=story_index, slug="a-key-of-my-own")
    french = translate(story, "fr")
    Page.objects.get(pk=french.pk).specific.unpublish()

    urls = pages_sitemap(client)

    assert "http://testserver/fr/stories/a-key-of-my-own/" not in urls
    assert "fr" not in urls["http://testserver/stories/a-key-of-my-own/"]
