from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from search import index


class Command(BaseCommand):
    help = (
        "Manage the search server's indices (needs ELASTICSEARCH_URL or OPENSEARCH_URL). "
        "`rebuild` loads new indices and swaps the aliases once they are complete, then rebuilds "
        "Wagtail's own index (the admin's page search); "
        "`update` re-sends every searchable object into the current indices; "
        "`status` compares the documents indexed with the database."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "update", "status"])
        parser.add_argument(
            "--chunk-size",
            type=int,
            default=index.CHUNK_SIZE,
            help="Documents per bulk request (default %(default)s).",
        )

    def handle(self, *args, action, chunk_size, **options):
        if chunk_size < 1:
            raise CommandError("--chunk-size must be at least 1.")
        try:
            if action == "status":
                self.print_status(index.status())
            elif action == "rebuild":
                for alias, name, count in index.rebuild(out=self.stderr, chunk_size=chunk_size):
                    self.stdout.write(f"{alias} → {name}: {count} documents")
                # The admin's page search reads Wagtail's own index on the same server, which
                # nothing else fills: without this it finds nothing once a server is configured.
                call_command("update_index", stdout=self.stdout, stderr=self.stderr)
                self.stdout.write(self.style.SUCCESS("Rebuilt every index; the old ones are deleted."))
            else:
                for alias, names, count in index.update(out=self.stderr, chunk_size=chunk_size):
                    self.stdout.write(f"{alias} ({', '.join(names)}): {count} documents sent")
                self.stdout.write(self.style.SUCCESS("Updated every index."))
        except index.engine_errors() as error:
            raise CommandError(_describe(error)) from error

    def print_status(self, rows):
        for row in rows:
            behind = ", ".join(row["indices"]) or "no index: run `search_index rebuild`"
            indexed = "-" if row["indexed"] is None else row["indexed"]
            line = f"{row['name']:<12} {row['alias']} → {behind}: {indexed} indexed, {row['database']} in the database"
            in_step = row["indexed"] == row["database"]
            self.stdout.write(line if in_step else self.style.WARNING(line))


def _describe(error):
    if isinstance(error, index.IndexingUnavailable):
        return str(error)
    return f"The search server refused the work: {error}"
