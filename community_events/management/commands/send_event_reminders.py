from django.utils.translation import ngettext

from community_events.tasks import send_reminders
from portal.task_commands import Run, TaskCommand


class Command(TaskCommand):
    help = (
        "Remind confirmed attendees of events that start within a day. Run it hourly from a "
        "scheduler: each attendee is reminded once, however often it runs."
    )

    def runs(self, **options):
        return [
            Run(
                send_reminders,
                done=lambda count: (
                    ngettext("Reminded %(count)d attendee.", "Reminded %(count)d attendees.", count)
                    % {"count": count}
                ),
                failed="Sending event reminders failed (task {id}).",
                queued="Queued the event reminders as task {id}.",
            )
        ]
