"""Reference data: the rows a new site needs before anyone signs in (skills and their synonyms,
ISCO-08 occupations, deterring phrases, pledge commitments, campaign audiences), kept in data files
beside the app that owns them (`<app>/data/*.csv` or `.json`) and loaded by one loader.

The portal is the ground floor and knows no domain: each app describes its own tables in its
`reference_data.py` and hands them in from its AppConfig.ready() with `register(...)`; models are
reached by label through the `apps` registry passed in, so a data migration can call `load(apps)`
with its historical models and `load_reference_data` with today's.

The rule on edits: **the loader only adds what is missing; it never changes or removes a row that
exists.** Staff edit these lists in the admin (a skill's synonyms, a phrase's suggestion, a
commitment's wording) and their edit is the truth from then on; a row is matched by its natural
key (an occupation's code, a skill's name, a phrase whatever its case), so loading twice adds
nothing. A row staff deleted comes back only when someone runs the loader again on purpose, which
is why nothing runs it on every `migrate`.
"""

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps as global_apps
from django.db import transaction


@dataclass(frozen=True)
class Table:
    """One data file and the model its rows become.

    `key` names the field that identifies a row; `case_insensitive` matches it whatever the case
    (a phrase staff wrote as "No felonies" is the file's "no felonies"). `convert(row, position)`
    turns a file row (a dict of strings) into the model's field values.
    """

    model: str
    path: Path
    key: str
    convert: object = field(default=lambda row, position: row)
    case_insensitive: bool = False

    def rows(self):
        with self.path.open(encoding="utf-8", newline="") as data:
            records = json.load(data) if self.path.suffix == ".json" else list(csv.DictReader(data))
        return [self.convert(record, position) for position, record in enumerate(records)]


TABLES = []


def register(*tables):
    """Load `tables` with the rest; called from the owning app's AppConfig.ready()."""
    for table in tables:
        if table not in TABLES:
            TABLES.append(table)


def synonyms(text):
    """Files list synonyms separated by "|" (one cell per row); the models keep one per line."""
    return "\n".join(part.strip() for part in text.split("|") if part.strip())


def load_table(table, apps=global_apps):
    """Create the rows of `table` that are missing; returns how many were created."""
    model = apps.get_model(table.model)
    lookup = f"{table.key}__iexact" if table.case_insensitive else table.key
    # A file may carry columns a later migration adds (skills' translated names): the model an
    # earlier migration sees has no such field yet, and that migration fills them in itself.
    fields = {field.name for field in model._meta.get_fields()}
    created = 0
    for values in table.rows():
        values = {name: value for name, value in values.items() if name in fields}
        if not model.objects.filter(**{lookup: values[table.key]}).exists():
            model.objects.create(**values)
            created += 1
    return created


def load(apps=global_apps, tables=None):
    """Load every registered table (or `tables`); returns {model label: rows created}."""
    with transaction.atomic():
        return {table.model: load_table(table, apps) for table in (TABLES if tables is None else tables)}
