"""The demo's stories (portal/demo/__init__.py): told with a consent record each, with themes."""

import datetime

from django.utils import timezone
from wagtail.rich_text import RichText

from portal.demo import content, translated_content, translations
from portal.demo.images import demo_image
from portal.site_setup import ensure_child
from portal.snippet_translations import default_content_language

from .models import StoryConsent, StoryIndexPage, StoryPage, Theme


def load(site):
    site.stories = stories(site.home, site.users["editor@example.org"])


def counts():
    return [f"{StoryPage.objects.live().count()} stories"]


def stories(home, editor):
    index = ensure_child(
        home,
        StoryIndexPage,
        "stories",
        title="Stories",
        introduction="Real people, told with their consent. Names are changed unless "
        "the person chose to use their own.",
    )
    themes = {}
    for name, slug in content.THEMES:
        themes[slug], _ = Theme.objects.get_or_create(
            slug=slug, locale__language_code=default_content_language(), defaults={"name": name}
        )
        for code, translated in translated_content.THEMES[slug].items():
            translations.translate_snippet(themes[slug], code, name=translated)
    today = timezone.localdate()
    pages = []
    for number, story in enumerate(content.STORIES):
        existing = index.get_children().filter(slug=story["slug"]).first()
        if existing is not None:
            pages.append(existing.specific)
            continue
        consent, _ = StoryConsent.objects.get_or_create(
            subject_reference=f"DEMO-{number + 1:03d}",
            defaults={
                "given_on": today - datetime.timedelta(days=90 + number),
                "expires_on": today + datetime.timedelta(days=3 * 365),
                "covers_text": True,
                "covers_photo": False,
                "recorded_by": editor,
            },
        )
        page = StoryPage(
            slug=story["slug"],
            title=story["title"],
            display_name=story["display_name"],
            standfirst=story["standfirst"],
            programme_type=story["programme_type"],
            region=story["region"],
            consent=consent,
            hero_image=demo_image(f"Story: {story['title']}", story["slug"]),
            hero_alt_text="An illustration of a sunrise over green hills and a path.",
            body=[
                (
                    "paragraph",
                    RichText(
                        f"<p>{story['standfirst']}</p><p>{story['display_name']} "
                        "tells us what changed, and who helped.</p>"
                    ),
                ),
                ("quote", {"quote": story["quote"], "attribution": story["display_name"]}),
                (
                    "paragraph",
                    RichText(
                        "<h2>What helped</h2><ul><li>A programme that taught a "
                        "real skill</li><li>An employer who looked at the person"
                        "</li><li>Someone to call on the hard days</li></ul>"
                    ),
                ),
            ],
        )
        index.add_child(instance=page)
        page.themes.set([themes[slug] for slug in story["themes"]])
        page.save_revision().publish()
        pages.append(page)
    return pages
