from employers.tasks import request_progress_reports, send_renewal_reminders
from portal.task_commands import Run, TaskCommand

LINES = {
    "done": "Sent {count} {label}.",
    "failed": "Sending {label} failed (task {id}).",
    "queued": "Queued {label} as task {id}.",
}


class Command(TaskCommand):
    help = (
        "E-mail renewal reminders (30 days before a hiring pledge expires) and progress requests "
        "(every 6 months). Run daily from a scheduler; each pledge is reminded once."
    )

    def runs(self, **options):
        return [
            Run(send_renewal_reminders, label="renewal reminders", **LINES),
            Run(request_progress_reports, label="progress requests", **LINES),
        ]
