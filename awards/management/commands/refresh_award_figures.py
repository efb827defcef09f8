from django.utils.translation import ngettext

from awards.tasks import refresh_figures
from portal.task_commands import Run, TaskCommand


class Command(TaskCommand):
    help = (
        "Count again the progress reports and hires attached to the nominations of rounds being "
        "judged. Run it daily from a scheduler."
    )

    def runs(self, **options):
        return [
            Run(
                refresh_figures,
                done=lambda count: (
                    ngettext("Refreshed %(count)d nomination.", "Refreshed %(count)d nominations.", count)
                    % {"count": count}
                ),
                failed="Refreshing the award figures failed (task {id}).",
                queued="Queued the award figures as task {id}.",
            )
        ]
