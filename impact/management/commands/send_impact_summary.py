from django.core.management.base import CommandError

from impact.summary import parse_month, previous_month
from impact.tasks import send_impact_summary
from portal.task_commands import Run, TaskCommand


def _sent(label):
    def line(sent):
        if sent:
            return f"Sent the impact summary of {label} to {sent} staff."
        return f"The impact summary of {label} was sent already (or nobody receives it)."

    return line


class Command(TaskCommand):
    help = (
        "E-mail campaign staff the impact summary of a month (the previous calendar month by "
        "default). Run monthly from a scheduler; each month is sent once, however often it runs."
    )

    def add_arguments(self, parser):
        parser.add_argument("--month", help="The month to summarise, as YYYY-MM.")

    def runs(self, month=None, **options):
        try:
            first_day = parse_month(month) if month else previous_month()
        except ValueError:
            raise CommandError(f"--month takes a month as YYYY-MM, not {month!r}.") from None
        if first_day > previous_month():
            raise CommandError(f"{first_day:%Y-%m} has not ended yet: its summary would be incomplete.")
        label = f"{first_day:%Y-%m}"
        return [
            Run(
                send_impact_summary,
                done=_sent(label),
                failed="Sending the impact summary of {label} failed (task {id}).",
                queued="Queued the impact summary of {label} as task {id}.",
                label=label,
                args=(first_day.isoformat(),),
            )
        ]
