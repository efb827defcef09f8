from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext
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
            self.stdout.write(
                ngettext("Expired %(count)d job listing.", "Expired %(count)d job listings.", count)
                % {"count": count}
            )
        elif result.status == TaskResultStatus.FAILED:
            raise CommandError(f"Expiring job listings failed (task {result.id}).")
        else:
            self.stdout.write(f"Queued the expiry of job listings as task {result.id}.")
