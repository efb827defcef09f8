from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus

from employers.tasks_partners import expire_introductions, send_retention_checks


class Command(BaseCommand):
    help = (
        "E-mail the retention checks that are due (3, 6 and 12 months after a hire) and expire "
        "introduction requests unanswered after 14 days. Run daily from a scheduler; each check "
        "is sent once and each request expires once."
    )

    def handle(self, *args, **options):
        failed = []
        for label, each in (
            ("retention checks sent", send_retention_checks),
            ("introduction requests expired", expire_introductions),
        ):
            result = each.enqueue()
            if result.status == TaskResultStatus.SUCCESSFUL:
                self.stdout.write(f"{label.capitalize()}: {result.return_value}.")
            elif result.status == TaskResultStatus.FAILED:
                self.stderr.write(f"Failed: {label} (task {result.id}).")
                failed.append(label)
            else:
                self.stdout.write(f"Queued: {label} (task {result.id}).")
        if failed:
            raise CommandError(f"Failed: {', '.join(failed)}.")
