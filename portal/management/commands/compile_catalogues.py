"""Compile the interface translations (`locale/<lang>/LC_MESSAGES/django.po` -> `.mo`) with Babel.

Django's own `compilemessages` needs GNU gettext's msgfmt, which a fresh machine may not have;
Babel is a Python package installed with the requirements, so `make run`, `make test` and the
production recipe can always compile. Fuzzy entries are left out, as msgfmt does: a guessed
translation never reaches a visitor.
"""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile the translation catalogues under LOCALE_PATHS (Babel; no GNU gettext needed)."

    def handle(self, *args, **options):
        compiled = 0
        for folder in settings.LOCALE_PATHS:
            for source in sorted(Path(folder).glob("*/LC_MESSAGES/*.po")):
                target = source.with_suffix(".mo")
                if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
                    continue
                try:
                    with source.open("rb") as po:
                        catalogue = read_po(po, locale=source.parent.parent.name, abort_invalid=True)
                except Exception as error:
                    raise CommandError(f"{source}: {error}") from error
                with target.open("wb") as mo:
                    write_mo(mo, catalogue, use_fuzzy=False)
                compiled += 1
                if options["verbosity"] > 1:
                    self.stdout.write(f"compiled {source}")
        if options["verbosity"]:
            self.stdout.write(f"compile_catalogues: {compiled} catalogue(s) compiled")
