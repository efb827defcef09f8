"""Apply every retention rule (portal/retention.py): run it daily from the scheduler."""

from django.core.management import BaseCommand
from django.utils import timezone

from portal.retention import enforce


class Command(BaseCommand):
    help = "Flag, erase and delete personal data past its retention window (settings *_RETENTION_*)."

    def handle(self, *args, **options):
        for line in enforce(timezone.now()):
            self.stdout.write(line)
