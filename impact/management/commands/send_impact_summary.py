from django.core.management.base import BaseCommand, CommandError
from django_tasks import TaskResultStatus

from impact.summary import parse_month, previous_month
from impact.tasks import send_impact_summary


class Command(BaseCommand):
    help = (
        "E-mail campaign staff the impact summary of a month (the previous calendar month by "
        "default). Run monthly from a scheduler; each month is sent once, however often it runs."
    )

    def add_arguments(self, parser):
        parser.add_argument("--month", help="The month to summarise, as YYYY-MM.")

    def handle(self, *args, month=None, **options):
        try:
            first_day = parse_month(month) if month else previous_month()
        except ValueError:
            raise CommandError(f"--month takes a month as YYYY-MM, not {month!r}.") from None
        if first_day > previous_month():
            raise CommandError(f"{first_day:%Y-%m} has not ended yet: its summary would be incomplete.")
        result = send_impact_summary.enqueue(first_day.isoformat())
        label = f"{first_day:%Y-%m}"
        if result.status == TaskResultStatus.SUCCESSFUL:
            sent = result.return_value
            if sent:
                self.stdout.write(f"Sent the impact summary of {label} to {sent} staff.")
            else:
                self.stdout.write(f"The impact summary of {label} was sent already (or nobody receives it).")
        elif result.status == TaskResultStatus.FAILED:
            raise CommandError(f"Sending the impact summary of {label} failed (task {result.id}).")
        else:
            self.stdout.write(f"Queued the impact summary of {label} as task {result.id}.")
