from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus

from employers.tasks_jobs import expire_past_closing_jobs


class Command(BaseCommand):
    help = (
        "Expire published job listings whose closing date has passed. Run daily from a scheduler; "
        "the public board already hides them from the day after their closing date."
    )

    def handle(self, *args, **options):
        result = expire_past_closing_jobs.enqueue()
        if result.status == TaskResultStatus.SUCCESSFUL:
            count = result.return_value
            self.stdout.write(f"Expired {count} job listing{'' if count == 1 else 's'}.")
        elif result.status == TaskResultStatus.FAILED:
            raise CommandError(f"Expiring job listings failed (task {result.id}).")
        else:
            self.stdout.write(f"Queued the expiry of job listings as task {result.id}.")
