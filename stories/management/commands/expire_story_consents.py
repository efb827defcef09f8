from django.core.management.base import BaseCommand

from stories.tasks import enforce_story_consent


class Command(BaseCommand):
    help = "Unpublish stories whose consent has expired or was withdrawn. Run daily from a scheduler."

    def handle(self, *args, **options):
        result = enforce_story_consent.enqueue()
        if result.is_finished:
            self.stdout.write(f"Unpublished {result.return_value} stories without current consent.")
        else:
            self.stdout.write(f"Queued consent check as task {result.id}.")
