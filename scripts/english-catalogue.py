"""Fill the English catalogue's empty or guessed translations with their own English text.

English is the language the portal is written in, so its catalogue holds the site's wording for
other apps' strings (django-allauth's "email" as "e-mail": not in the portal's sources, so
makemessages calls them obsolete; they are kept, as they are the reason this catalogue exists)
and, for the portal's own strings, the same text: every message is "translated", as the catalogue
test wants of all four. msgmerge's fuzzy guesses are dropped: in English a string means itself.
`make messages` runs it after makemessages.
"""

from pathlib import Path

import polib

path = Path(__file__).resolve().parent.parent / "locale/en/LC_MESSAGES/django.po"
catalogue = polib.pofile(str(path), wrapwidth=100)
for entry in catalogue:
    if entry.obsolete:
        entry.obsolete = False
        continue
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
        entry.msgstr = ""
        entry.msgstr_plural = dict.fromkeys(entry.msgstr_plural, "")
    if entry.msgid_plural:
        if not all(entry.msgstr_plural.values()):
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
    elif not entry.msgstr:
        entry.msgstr = entry.msgid
catalogue.save()
