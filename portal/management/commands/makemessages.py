"""Django's makemessages without msgmerge's fuzzy matching.

A changed message would otherwise take the nearest old message's translation, marked fuzzy:
a guess that hides the string from the catalogue test's "untranslated" count and, in the English
catalogue, swallowed the site's wording of allauth's strings (the old entry was used for the guess
and dropped). Without it a changed message is simply untranslated until someone translates it.
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
