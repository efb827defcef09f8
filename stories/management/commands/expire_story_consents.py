from django.utils.translation import ngettext

from portal.task_commands import Run, TaskCommand
from stories.tasks import enforce_story_consent


class Command(TaskCommand):
    help = "Unpublish stories whose consent has expired or was withdrawn. Run daily from a scheduler."

    def runs(self, **options):
        return [
            Run(
                enforce_story_consent,
                done=lambda count: (
                    ngettext(
                        "Unpublished %(count)d story without current consent.",
                        "Unpublished %(count)d stories without current consent.",
                        count,
                    )
                    % {"count": count}
                ),
                failed="Checking story consent failed (task {id}).",
                queued="Queued consent check as task {id}.",
            )
        ]
