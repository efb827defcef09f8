"""An address under /fr/ (or /es/, /ar/) whose page has no translation in that language."""

import re

import pytest
from wagtail.models import Locale, Page

from tests.stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


def translate(page, code, **fields):
    translation = page.copy_for_translation(Locale.objects.get(language_code=code), copy_parents=True)
    for field, value in fields.items():
        setattr(translation, field, value)
    translation.save()
    for ancestor in [*translation.get_ancestors().filter(depth__gt=1).specific(), translation]:
        ancestor = Page.objects.get(pk=ancestor.pk).specific
        if not ancestor.live:
            ancestor.save_revision().publish()
    return translation


def test_an_untranslated_page_shows_in_its_own_language_under_the_french_interface(client, story_index):
    translated = StoryPageFactory(parent=story_index, slug="dad-again")
    translate(translated, "fr")  # the French tree exists: home, stories
    StoryPageFactory(parent=story_index, slug="coding-bootcamp", title="From a coding class inside")

    response = client.get("/fr/stories/coding-bootcamp/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr"' in html  # the interface
    assert re.search(r'<main id="main" tabindex="-1" lang="en-gb">', html)  # the content
    assert "From a coding class inside" in html
    assert 'hreflang="fr"' not in html  # nothing claims a French version exists
    assert 'hreflang="en-GB" href="http://testserver/stories/coding-bootcamp/"' in html


def test_a_translation_elsewhere_in_the_tree_is_where_the_visitor_goes(client, story_index):
    story = StoryPageFactory(parent=story_index, slug="dad-again")
    translate(story, "fr", slug="papa-a-nouveau", title="De nouveau papa")

    response = client.get("/fr/stories/dad-again/")

    assert response.status_code == 302
    assert response["Location"] == "/fr/stories/papa-a-nouveau/"
    assert "De nouveau papa" in client.get(response["Location"]).content.decode()


def test_a_language_without_any_translated_page_shows_the_english_page_marked_english(client, story_index):
    StoryPageFactory(parent=story_index, slug="a-key-of-my-own", title="A key of my own")

    html = client.get("/es/stories/a-key-of-my-own/").content.decode()

    assert '<html lang="es"' in html
    assert 'lang="en-gb"' in html
    assert "A key of my own" in html


def test_a_translated_page_is_not_marked(client, story_index):
    story = StoryPageFactory(parent=story_index, slug="dad-again")
    translate(story, "fr", title="De nouveau papa")

    html = client.get("/fr/stories/dad-again/").content.decode()

    assert '<main id="main" tabindex="-1">' in html
    assert "De nouveau papa" in html
