from matching.tasks import expire_introductions, send_retention_checks
from portal.task_commands import Run, TaskCommand

LINES = {
    "done": "{Label}: {count}.",
    "failed": "Failed: {label} (task {id}).",
    "queued": "Queued: {label} (task {id}).",
}


class Command(TaskCommand):
    help = (
        "E-mail the retention checks that are due (3, 6 and 12 months after a hire) and expire "
        "introduction requests unanswered after 14 days. Run daily from a scheduler; each check "
        "is sent once and each request expires once."
    )

    def runs(self, **options):
        return [
            Run(send_retention_checks, label="retention checks sent", **LINES),
            Run(expire_introductions, label="introduction requests expired", **LINES),
        ]
