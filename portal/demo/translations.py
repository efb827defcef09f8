"""The demo's pages in French, Spanish and Arabic, made as an editor makes them with the
Translate action (wagtail.contrib.simple_translation): `copy_for_translation` of the English page,
so each translation shares its source's translation key and the language switcher moves between
them; then the translated words (portal/demo/translated_content.py), and the links to other pages
moved onto those pages' translations.

Works on Wagtail pages only, by field name, so the portal imports no domain app; the apps'
demo modules translate their own snippets. A page already translated is left as it is: running
the demo again changes nothing.
"""

from modelcluster.models import get_all_child_relations
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from . import translated_content as words

TEXT_BLOCKS = ("paragraph", "rich_text")
STORY_PATHS = list(words.STORIES["fr"])


def translate_site(home):
    """Translate the demo pages below `home` into each language; returns how many were made."""
    made = 0
    for code, pages in words.PAGES.items():
        locale = Locale.objects.get(language_code=code)
        paths = list(pages) + [f"stories/{slug}/" for slug in words.STORIES[code]]
        sources = []
        for path in sorted(paths, key=lambda path: path.count("/")):  # parents first
            source = Page.objects.filter(url_path=f"{home.url_path}{path}", locale=home.locale).first()
            if source is not None:
                sources.append((path, source))
        # Copies first, then words and links: a story links to its campaign, whose story list
        # shows the story; each needs the other's translation to point at.
        new = []
        for path, source in sources:
            if source.get_translation_or_none(locale) is None:
                new.append((path, source.copy_for_translation(locale)))
        for path, copy in new:
            page = copy.specific
            for field, value in fields_for(code, path, page).items():
                setattr(page, field, value)
            move_links(page, locale)
            page.save_revision().publish()
            made += 1
    return made


def fields_for(code, path, page):
    if path.startswith("stories/") and path.count("/") == 2:
        return story_fields(code, path.split("/")[1], page)
    fields = dict(words.PAGES[code].get(path, {}))
    if path.startswith("campaigns/") and path.count("/") == 2:
        fields["body"] = campaign_body(code, page)
    elif "body" in fields:
        fields["body"] = [("paragraph", RichText(fields["body"]))]
    return fields


def story_fields(code, slug, page):
    title, standfirst = words.STORIES[code][slug]
    name = page.display_name
    return {
        "title": title,
        "standfirst": standfirst,
        "body": [
            (
                "paragraph",
                RichText(f"<p>{standfirst}</p><p>{words.TELLS_US[code].format(name=name)}</p>"),
            ),
            ("quote", {"quote": words.STORY_QUOTES[code][slug], "attribution": name}),
            ("paragraph", RichText(words.WHAT_HELPED[code])),
        ],
    }


def campaign_body(code, page):
    """The English campaign's blocks, in order, with the language's words; its story list shows
    the stories' translations."""
    text = words.CAMPAIGN_BODY[code]
    locale = Locale.objects.get(language_code=code)
    blocks = []
    for block in page.body:
        kind, value = block.block_type, block.value
        if kind == "hero":
            heading, line = text["hero"]
            blocks.append((kind, {**dict(value), "heading": heading, "text": line}))
        elif kind in TEXT_BLOCKS:
            blocks.append((kind, RichText(text["text"])))
        elif kind == "figures":
            heading, figures = text["figures"]
            blocks.append(
                (
                    kind,
                    {
                        "heading": heading,
                        "figures": [{"value": v, "label": label, "source": ""} for v, label in figures],
                    },
                )
            )
        elif kind == "story_list":
            stories = [translation_of(story, locale) for story in value["stories"]]
            blocks.append((kind, {**dict(value), "heading": text["stories"], "stories": stories}))
        elif kind == "pledge_form":
            heading, line = text["pledge"]
            blocks.append((kind, {**dict(value), "heading": heading, "text": line}))
        elif kind == "faq":
            heading, questions = text["faq"]
            blocks.append(
                (
                    kind,
                    {
                        "heading": heading,
                        "questions": [{"question": q, "answer": RichText(a)} for q, a in questions],
                    },
                )
            )
        else:
            blocks.append((kind, value))
    return blocks


def translation_of(page, locale):
    if page is None:
        return None
    return (page.get_translation_or_none(locale) or page).specific


def move_links(page, locale):
    """Point the page's links to other pages (and its inline rows' links, such as the home page's
    featured stories) at their translations, where there is one."""
    move_row_links(page, locale, skip={"alias_of"})
    for relation in get_all_child_relations(page):
        accessor = relation.get_accessor_name()
        rows = list(getattr(page, accessor).all())
        for row in rows:
            move_row_links(row, locale, skip={relation.field.name})
        setattr(page, accessor, rows)  # kept in memory until the revision is saved


def move_row_links(obj, locale, skip):
    for field in obj._meta.concrete_fields:
        if field.name in skip or not (field.many_to_one and issubclass(field.related_model, Page)):
            continue
        target = getattr(obj, field.name)
        if target is not None and target.locale_id != locale.pk:
            setattr(obj, field.name, translation_of(target, locale))


def translate_snippet(instance, code, **fields):
    """The translation of a translatable snippet in `code`, made with `fields` if missing."""
    locale = Locale.objects.get(language_code=code)
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return existing
    copy = instance.copy_for_translation(locale)
    for field, value in fields.items():
        setattr(copy, field, value)
    copy.save()
    return copy
