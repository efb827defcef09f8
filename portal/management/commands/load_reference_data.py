"""Load the reference data every app registered and set up the staff groups, adding only what is
missing (portal/reference_data.py, portal/staff_groups.py): safe to run on a live site."""

from django.core.management.base import BaseCommand

from portal import reference_data, staff_groups


class Command(BaseCommand):
    help = "Add the missing reference data (skills, occupations, phrases...) and set up the staff groups."

    def handle(self, *args, **options):
        created = reference_data.load()
        for label, count in created.items():
            self.stdout.write(f"{label}: {count} added")
        groups = staff_groups.set_up()
        self.stdout.write(f"Staff groups: {', '.join(groups)}")
