from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus

from employers.tasks import request_progress_reports, send_renewal_reminders


class Command(BaseCommand):
    help = (
        "E-mail renewal reminders (30 days before a hiring pledge expires) and progress requests "
        "(every 6 months). Run daily from a scheduler; each pledge is reminded once."
    )

    def handle(self, *args, **options):
        failed = []
        for label, each in (
            ("renewal reminders", send_renewal_reminders),
            ("progress requests", request_progress_reports),
        ):
            result = each.enqueue()
            if result.status == TaskResultStatus.SUCCESSFUL:
                self.stdout.write(f"Sent {result.return_value} {label}.")
            elif result.status == TaskResultStatus.FAILED:
                self.stderr.write(f"Sending {label} failed (task {result.id}).")
                failed.append(label)
            else:
                self.stdout.write(f"Queued {label} as task {result.id}.")
        if failed:
            raise CommandError(f"Failed: {', '.join(failed)}.")
