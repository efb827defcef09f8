from incentives.tasks import send_incentive_deadline_reminders
from portal.task_commands import Run, TaskCommand


class Command(TaskCommand):
    help = (
        "E-mail the owners of organisations 7 days and 1 day before each incentive scheme deadline "
        "of a recorded hire. Run daily from a scheduler; each reminder is sent once."
    )

    def runs(self, **options):
        return [
            Run(
                send_incentive_deadline_reminders,
                done="Sent {count} incentive deadline reminders.",
                failed="Sending incentive deadline reminders failed (task {id}).",
                queued="Queued incentive deadline reminders as task {id}.",
            )
        ]
