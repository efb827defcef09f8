"""Import skills from the ESCO skills CSV (https://esco.ec.europa.eu/en/use-esco/download).

Each row becomes a Skill, found again by its ESCO concept URI, so the import can run any number of
times: a second run with the same file changes nothing. Areas and anything staff added are kept.
"""

import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from taxonomy.models import Skill, split_synonyms

REQUIRED_COLUMNS = ("conceptUri", "preferredLabel", "altLabels", "description")
# ESCO's skills file holds only this concept type; other ESCO files (occupations) share columns.
SKILL_CONCEPT_TYPE = "KnowledgeSkillCompetence"
NAME_MAX = Skill._meta.get_field("name").max_length
URI_MAX = Skill._meta.get_field("esco_uri").max_length


class ProgressBar:
    """A one-line text progress bar, redrawn in place; silent when disabled."""

    def __init__(self, stream, total, enabled=True, width=30):
        self.stream, self.total, self.enabled, self.width = stream, total, enabled, width
        self.shown = None

    def update(self, done):
        if not self.enabled or not self.total:
            return
        percent = done * 100 // self.total
        if percent == self.shown and done != self.total:
            return  # redraw at most once per percent
        self.shown = percent
        filled = self.width * done // self.total
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{bar}] {percent:3d}% {done}/{self.total}", ending="")
        self.stream.flush()

    def finish(self):
        if self.enabled and self.total:
            self.stream.write("")


class Command(BaseCommand):
    help = (
        "Import or update skills from the ESCO skills CSV (columns conceptUri, preferredLabel, "
        "altLabels, description). Idempotent: skills are matched by their ESCO concept URI."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The ESCO skills CSV, e.g. skills_en.csv.")

    def handle(self, *args, file, verbosity=1, **options):
        rows = self.read(Path(file))
        progress = ProgressBar(self.stderr, len(rows), enabled=verbosity > 0)
        counts = {"created": 0, "updated": 0, "unchanged": 0, "skipped": 0}
        with transaction.atomic():
            importer = Importer(self.warn if verbosity > 0 else None)
            for done, (line, row) in enumerate(rows, start=1):
                counts[importer.import_row(line, row)] += 1
                progress.update(done)
        progress.finish()
        if verbosity > 0:
            self.stdout.write(
                "Skills from {file}: {created} created, {updated} updated, {unchanged} unchanged, "
                "{skipped} skipped.".format(file=file, **counts)
            )
        return None

    def warn(self, message):
        self.stderr.write(self.style.WARNING(f"\n{message}"))

    def read(self, path):
        """All rows with their line numbers; CommandError for a file that cannot be used."""
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                reader = csv.DictReader(handle)
                columns = reader.fieldnames or []
                missing = [column for column in REQUIRED_COLUMNS if column not in columns]
                if missing:
                    raise CommandError(
                        f"{path} is not an ESCO skills CSV: missing column(s) {', '.join(missing)} "
                        f"(found: {', '.join(columns) or 'none'})."
                    )
                rows = []
                for row in reader:
                    rows.append((reader.line_num, row))
        except UnicodeDecodeError as exc:
            raise CommandError(f"{path} is not UTF-8 text: {exc}") from exc
        except csv.Error as exc:
            raise CommandError(f"{path} is not valid CSV: {exc}") from exc
        return rows


def clean(value):
    return (value or "").strip()


def synonyms_text(alt_labels, name):
    """ESCO's altLabels (one per line) as Skill.synonyms: one per line, no repeats, not the name."""
    seen = {name.casefold()}
    synonyms = []
    for label in split_synonyms(alt_labels or ""):
        if label.casefold() not in seen:
            seen.add(label.casefold())
            synonyms.append(label)
    return "\n".join(synonyms)


class Importer:
    """Creates or updates skills row by row, with every existing skill read once up front."""

    def __init__(self, warn=None):
        self.warn = warn or (lambda message: None)
        skills = list(Skill.objects.all())
        self.by_uri = {skill.esco_uri: skill for skill in skills if skill.esco_uri}
        self.by_name = {skill.name.casefold(): skill for skill in skills}

    def import_row(self, line, row):
        concept_type = clean(row.get("conceptType"))
        if concept_type and concept_type != SKILL_CONCEPT_TYPE:
            return "skipped"
        uri, name = clean(row.get("conceptUri")), clean(row.get("preferredLabel"))
        if not uri or not name:
            self.warn(f"Line {line}: no conceptUri or preferredLabel; skipped.")
            return "skipped"
        if len(name) > NAME_MAX or len(uri) > URI_MAX:
            self.warn(f"Line {line}: label or URI too long for a skill; skipped.")
            return "skipped"
        values = {
            "synonyms": synonyms_text(row.get("altLabels"), name),
            "description": clean(row.get("description")) or clean(row.get("definition")),
        }

        skill = self.by_uri.get(uri)
        if skill is None:
            namesake = self.by_name.get(name.casefold())
            if namesake is not None and namesake.esco_uri:
                self.warn(
                    f"Line {line}: “{name}” already exists with another ESCO URI "
                    f"({namesake.esco_uri}); {uri} skipped."
                )
                return "skipped"
            if namesake is None:
                skill = Skill.objects.create(name=name, esco_uri=uri, **values)
                self.remember(skill)
                return "created"
            # A skill of that name entered by hand or seeded: it is this concept, so link it.
            skill = namesake
            skill.esco_uri = uri
            changed = ["esco_uri"]
        else:
            changed = []
            # Only a real change of name counts: capitals staff chose for a linked skill stay.
            if skill.name.casefold() != name.casefold():
                holder = self.by_name.get(name.casefold())
                if holder is not None and holder.pk != skill.pk:
                    self.warn(
                        f"Line {line}: cannot rename “{skill.name}” to “{name}”: another skill has that name."
                    )
                else:
                    self.by_name.pop(skill.name.casefold(), None)
                    skill.name = name
                    changed.append("name")

        for field, value in values.items():
            if getattr(skill, field) != value:
                setattr(skill, field, value)
                changed.append(field)
        if not changed:
            return "unchanged"
        skill.save(update_fields=changed)
        self.remember(skill)
        return "updated"

    def remember(self, skill):
        self.by_uri[skill.esco_uri] = skill
        self.by_name[skill.name.casefold()] = skill
