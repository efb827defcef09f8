"""Delete finished task rows (succeeded or failed) older than TASK_RETENTION_DAYS (default 14).

Run it daily beside `db_worker`. It is django-tasks-db's `prune_db_task_results` with the portal's
setting, over every queue; with the immediate backend there is no task table to prune.
"""

from django.conf import settings
from django.core.management import BaseCommand, call_command
from django_tasks import task_backends
from django_tasks_db import DatabaseBackend


class Command(BaseCommand):
    help = "Delete finished and failed task rows older than TASK_RETENTION_DAYS days."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override TASK_RETENTION_DAYS.")

    def handle(self, *args, days=None, **options):
        days = days if days is not None else getattr(settings, "TASK_RETENTION_DAYS", 14)
        if days < 1:
            self.stderr.write("The number of days must be 1 or more.")
            return
        pruned = False
        for alias in settings.TASKS:
            if isinstance(task_backends[alias], DatabaseBackend):
                call_command(
                    "prune_db_task_results",
                    f"--backend={alias}",
                    "--queue-name=*",
                    f"--min-age-days={days}",
                    f"--failed-min-age-days={days}",
                    verbosity=options["verbosity"],
                )
                pruned = True
        if not pruned:
            self.stdout.write("No database task backend: nothing to prune.")
