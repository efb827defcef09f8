"""Translated stories: the same editorial workflow as their source, the same consent, and themes
named in the visitor's language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, WorkflowState

from portal import page_cache
from stories.models import StoryPage, Theme
from tests.portal.test_editorial_workflow import approve, member_of, submit
from tests.stories.factories import StoryConsentFactory, StoryPageFactory, ThemeFactory


def translate(page, code):
    """A published translation of `page` (and of its parents where missing), as an editor would
    make with the Translate action and a moderator approve."""
    translation = page.copy_for_translation(Locale.objects.get(language_code=code), copy_parents=True)
    for ancestor in [*translation.get_ancestors().filter(depth__gt=1).specific(), translation]:
        if not ancestor.live:
            ancestor.save_revision().publish()
    return StoryPage.objects.get(pk=translation.pk) if isinstance(page, StoryPage) else translation.specific


@pytest.fixture
def french_story_index(story_index):
    return translate(story_index, "fr")


def test_editor_translates_a_story_and_it_waits_for_the_moderator(client, story_index, french_story_index):
    story = StoryPageFactory(parent=story_index, title="A key of my own", slug="a-key-of-my-own")
    editor = client.__class__()
    editor.force_login(member_of("Campaign editors"))

    response = editor.post(
        reverse("simple_translation:submit_page_translation", args=[story.pk]),
        {"locales": [Locale.objects.get(language_code="fr").pk]},
    )
    assert response.status_code == 302
    french = StoryPage.objects.get(translation_key=story.translation_key, locale__language_code="fr")
    assert not french.live
    assert french.consent_id == story.consent_id

    french.title = "Une clé à moi"
    response = submit(editor, french)
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(french.pk), status="in_progress")
    assert state.workflow.name == "Campaign editorial review"
    assert not StoryPage.objects.get(pk=french.pk).live
    # Not live in French yet: the French address shows the English story, marked as English.
    waiting = client.get("/fr/stories/a-key-of-my-own/").content.decode()
    assert "Une clé à moi" not in waiting and '<main id="main" tabindex="-1" lang="en-gb">' in waiting

    moderator = client.__class__()
    moderator.force_login(member_of("Campaign moderators"))
    approve(moderator, french)
    assert not StoryPage.objects.get(pk=french.pk).live
    approve(moderator, french)
    assert StoryPage.objects.get(pk=french.pk).live
    page = client.get("/fr/stories/a-key-of-my-own/")
    assert page.status_code == 200
    assert "Une clé à moi" in page.content.decode()


def test_editor_may_use_the_translate_action(client, story_index):
    story = StoryPageFactory(parent=story_index)
    editor = client.__class__()
    editor.force_login(member_of("Campaign editors"))
    response = editor.get(reverse("simple_translation:submit_page_translation", args=[story.pk]))
    assert response.status_code == 200


def test_withdrawing_consent_unpublishes_every_translation(client, story_index):
    story = StoryPageFactory(parent=story_index, slug="dad-again")
    french, arabic = translate(story, "fr"), translate(story, "ar")
    assert client.get("/fr/stories/dad-again/").status_code == 200
    assert client.get("/ar/stories/dad-again/").status_code == 200

    story.consent.withdraw()

    for page in (story, french, arabic):
        assert not StoryPage.objects.get(pk=page.pk).live
    assert client.get("/stories/dad-again/").status_code == 404
    assert client.get("/fr/stories/dad-again/").status_code == 404
    assert client.get("/ar/stories/dad-again/").status_code == 404


def test_a_translation_pointed_at_another_consent_still_follows_the_source(story_index):
    story = StoryPageFactory(parent=story_index)
    french = translate(story, "fr")
    StoryPage.objects.filter(pk=french.pk).update(consent=StoryConsentFactory())

    story.consent.withdraw()

    assert not StoryPage.objects.get(pk=french.pk).live


def test_a_translation_cannot_be_published_once_the_source_consent_is_withdrawn(story_index):
    story = StoryPageFactory(parent=story_index)
    french = story.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=True)
    french = StoryPage.objects.get(pk=french.pk)
    french.consent = StoryConsentFactory()
    french.save_revision()
    story.consent.withdraw()

    french.get_latest_revision().publish()

    assert not StoryPage.objects.get(pk=french.pk).live


def test_story_shows_its_themes_in_the_visitors_language(client, story_index, django_assert_max_num_queries):
    work = ThemeFactory(name="Work", slug="work")
    family = ThemeFactory(name="Family", slug="family")
    work_fr = work.copy_for_translation(Locale.objects.get(language_code="fr"))
    work_fr.name = "Travail"
    work_fr.save()
    story = StoryPageFactory(parent=story_index, slug="first-payslip")
    story.themes.set([work, family])
    story.save_revision().publish()
    translate(story, "fr")

    english = client.get("/stories/first-payslip/").content.decode()
    french = client.get("/fr/stories/first-payslip/").content.decode()
    assert ">Work<" in english and "Travail" not in english
    assert ">Travail<" in french
    assert ">Family<" in french  # no French name yet: the English one rather than nothing

    index = client.get("/fr/stories/").content.decode()
    assert ">Travail</option>" in index
    assert index.count(">Travail<") >= 2  # the filter, and the story card's tag
    assert Theme.objects.count() == 3


def test_story_cards_cost_the_same_queries_in_every_language(client, story_index):
    themes = [ThemeFactory(name=f"Theme {n}", slug=f"t{n}") for n in range(3)]
    for theme in themes:
        translated = theme.copy_for_translation(Locale.objects.get(language_code="fr"))
        translated.name = f"Thème {theme.slug}"
        translated.save()
    translate(story_index, "fr")

    def add_stories(count):
        for _ in range(count):
            story = StoryPageFactory(parent=story_index)
            story.themes.set(themes)
            story.save_revision().publish()
            translate(story, "fr")

    def queries(prefix):
        client.get(f"{prefix}/stories/")  # warm what the page keeps between requests
        page_cache.forget_pages()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"{prefix}/stories/")
        assert response.status_code == 200
        return len(captured), response.content.decode()

    add_stories(2)
    few = {prefix: queries(prefix)[0] for prefix in ("", "/fr")}
    add_stories(4)
    many = {prefix: queries(prefix) for prefix in ("", "/fr")}
    assert {prefix: count for prefix, (count, _) in many.items()} == few
    assert many["/fr"][1].count("Thème t1") >= 6  # each French card names its themes in French
