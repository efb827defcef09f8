"""The four interface catalogues (locale/<lang>/LC_MESSAGES/django.po): complete, sound, current.

A message left untranslated or fuzzy shows English (or a guess) to a French, Spanish or Arabic
visitor; a placeholder lost in translation raises KeyError while the page renders; a string added
to a template without `make messages` is missing from every catalogue. Each is a failure here.
"""

import os
import re
import shutil
import subprocess  # nosec B404 # runs the project's own manage.py
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

LANGUAGES = ("en", "fr", "es", "ar")
LOCALE = settings.BASE_DIR / "locale"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|%[sdif]|\{(\w*)\}")
PLURAL_FORMS = {"en": 2, "fr": 2, "es": 3, "ar": 6}  # as Django's own catalogues count them


def catalogue(language):
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def translations(entry):
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


def placeholders(text):
    return sorted(match.group(0) for match in PLACEHOLDER.finditer(text))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language):
    po = catalogue(language)
    untranslated = [entry.msgid for entry in po if not entry.obsolete and not all(translations(entry))]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert len(po) > 1000
    assert not untranslated, f"{len(untranslated)} untranslated in {language}, e.g. {untranslated[:5]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy in {language}, e.g. {fuzzy[:5]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_every_placeholder_and_the_plural_forms(language):
    po = catalogue(language)
    assert po.metadata["Plural-Forms"].startswith(f"nplurals={PLURAL_FORMS[language]};")
    broken = []
    for entry in po.translated_entries():
        if entry.msgid_plural:
            if len(entry.msgstr_plural) != PLURAL_FORMS[language]:
                broken.append((entry.msgid, "plural forms"))
            expected = placeholders(entry.msgid_plural)
            # A language's singular form may say "one" in words instead of the number.
            for index, text in entry.msgstr_plural.items():
                if placeholders(text) != expected and not (
                    index <= 2 and set(placeholders(text)) <= set(expected)
                ):
                    broken.append((entry.msgid, text))
        # The English wording of another app's message may leave a detail out (allauth's
        # "for user %(user_display)s"); a translation may not.
        elif placeholders(entry.msgstr) != placeholders(entry.msgid) and not (
            language == "en" and set(placeholders(entry.msgstr)) < set(placeholders(entry.msgid))
        ):
            broken.append((entry.msgid, entry.msgstr))
    assert not broken, f"{len(broken)} in {language}: {broken[:5]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_markup_of_the_message(language):
    tags = re.compile(r"</?([a-z]+)[^>]*>")
    broken = [
        (entry.msgid, text)
        for entry in catalogue(language).translated_entries()
        for text in translations(entry)
        if sorted(tags.findall(text)) != sorted(tags.findall(entry.msgid_plural or entry.msgid))
        and sorted(tags.findall(text)) != sorted(tags.findall(entry.msgid))
    ]
    assert not broken, f"{len(broken)} in {language}: {broken[:5]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_is_the_current_one(language):
    """`make install` compiles each .po (manage.py compile_catalogues): a stale .mo would show
    yesterday's wording; the portal reads what the .po says."""
    source = LOCALE / language / "LC_MESSAGES" / "django.po"
    compiled = source.with_suffix(".mo")
    assert compiled.exists(), "run `make catalogues` (manage.py compile_catalogues)"
    assert compiled.stat().st_mtime >= source.stat().st_mtime, "run `make catalogues`"
    entry = next(
        e for e in catalogue(language).translated_entries() if not e.msgid_plural and "%" not in e.msgid
    )
    with translation.override(language):
        assert translation.gettext(entry.msgid) == entry.msgstr


def test_no_string_of_the_sources_is_missing_from_the_catalogues(tmp_path):
    """`make messages` was run after the last string was added or changed: extracting again from a
    copy of the sources finds no message that the committed catalogues lack, and none they keep
    that the sources no longer have."""
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        if os.environ.get("REQUIRE_VALIDATORS") == "1":
            pytest.fail("GNU gettext is missing (scripts/system-packages.sh installs it)")
        pytest.skip("GNU gettext is missing (scripts/system-packages.sh installs it)")
    copy = tmp_path / "portal"
    shutil.copytree(
        settings.BASE_DIR,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv",
            ".git",
            "node_modules",
            "media",
            "test-media",
            "staticfiles",
            "var",
            ".search-engine",
            "target",
            "__pycache__",
            ".make-stamps",
            "*.sqlite3",
            "bench",
            "tools",
        ),
    )
    environment = {**os.environ, "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "portal.settings"}
    environment.pop("DATABASE_URL", None)
    subprocess.run(  # nosec B603 # the project's own command
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "--ignore=tests", "--add-location=file"],
        cwd=copy,
        env=environment,
        check=True,
        capture_output=True,
        timeout=300,
    )
    extracted = {
        (e.msgctxt, e.msgid)
        for e in polib.pofile(str(copy / "locale/fr/LC_MESSAGES/django.po"))
        if not e.obsolete
    }
    committed = {(e.msgctxt, e.msgid) for e in catalogue("fr") if not e.obsolete}
    missing = sorted(extracted - committed, key=str)
    stale = sorted(committed - extracted, key=str)
    assert not missing, f"{len(missing)} strings not in the catalogues (run `make messages`): {missing[:5]}"
    assert not stale, f"{len(stale)} strings the sources no longer have (run `make messages`): {stale[:5]}"


def test_every_language_the_portal_offers_has_a_catalogue():
    for code, _name in settings.LANGUAGES:
        folder = translation.to_locale(code).split("_")[0]
        assert Path(LOCALE / folder / "LC_MESSAGES" / "django.po").exists(), code
