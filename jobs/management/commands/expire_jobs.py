from django.utils.translation import ngettext

from jobs.tasks import expire_past_closing_jobs
from portal.task_commands import Run, TaskCommand


class Command(TaskCommand):
    help = (
        "Expire published job listings whose closing date has passed. Run daily from a scheduler; "
        "the public board already hides them from the day after their closing date."
    )

    def runs(self, **options):
        return [
            Run(
                expire_past_closing_jobs,
                done=lambda count: (
                    ngettext("Expired %(count)d job listing.", "Expired %(count)d job listings.", count)
                    % {"count": count}
                ),
                failed="Expiring job listings failed (task {id}).",
                queued="Queued the expiry of job listings as task {id}.",
            )
        ]
