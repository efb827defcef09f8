from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus

from employers.tasks_incentives import send_incentive_deadline_reminders


class Command(BaseCommand):
    help = (
        "E-mail the owners of organisations 7 days and 1 day before each incentive scheme deadline "
        "of a recorded hire. Run daily from a scheduler; each reminder is sent once."
    )

    def handle(self, *args, **options):
        result = send_incentive_deadline_reminders.enqueue()
        if result.status == TaskResultStatus.SUCCESSFUL:
            self.stdout.write(f"Sent {result.return_value} incentive deadline reminders.")
        elif result.status == TaskResultStatus.FAILED:
            raise CommandError(f"Sending incentive deadline reminders failed (task {result.id}).")
        else:
            self.stdout.write(f"Queued incentive deadline reminders as task {result.id}.")
