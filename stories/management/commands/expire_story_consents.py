from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from stories.tasks import enforce_story_consent


class Command(BaseCommand):
    help = "Unpublish stories whose consent has expired or was withdrawn. Run daily from a scheduler."

    def handle(self, *args, **options):
        result = enforce_story_consent.enqueue()
        if result.is_finished:
            count = result.return_value
            self.stdout.write(
                ngettext(
                    "Unpublished %(count)d story without current consent.",
                    "Unpublished %(count)d stories without current consent.",
                    count,
                )
                % {"count": count}
            )
        else:
            self.stdout.write(f"Queued consent check as task {result.id}.")
