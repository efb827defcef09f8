"""Translatable snippets shown in the visitor's language, in the query that lists them.

Content points at the default language's row of a translatable snippet (a story's themes, a
pledge's commitments): one row per concept, so filters, counts and signed pledges never split
by language, and a translated page copied from its source (Wagtail's `copy_for_translation`)
keeps pointing at the same rows. What a visitor reads is that row's translation in the active
language when an editor made one. Wagtail's `instance.localized` finds it with one query per
instance (one per theme on every story card); `in_active_language` instead adds the translated
text to the query that lists the rows, as `<field>_in_language`, so a list costs no extra query.
"""

from django.conf import settings
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant


def default_content_language():
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def active_content_language():
    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return default_content_language()


def in_active_language(queryset, *fields):
    """`queryset` with `<field>_in_language` for each of `fields`: the active language's
    translation of the row's text, or the row's own where there is none."""
    language = active_content_language()
    if language == default_content_language():
        return queryset.annotate(**{f"{field}_in_language": F(field) for field in fields})
    translations = queryset.model._default_manager.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=language
    )
    return queryset.annotate(
        **{
            f"{field}_in_language": Coalesce(Subquery(translations.values(field)[:1]), F(field))
            for field in fields
        }
    )


def in_language(instance, field):
    """What a template shows: the translated text when the query added it, else the field."""
    return getattr(instance, f"{field}_in_language", None) or getattr(instance, field)


def default_language_q(prefix=""):
    """Rows in the default language: the ones content points at."""
    return Q(**{f"{prefix}locale__language_code": default_content_language()})
