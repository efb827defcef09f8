"""The staff groups' permissions on attendees (events/reference_data.py), for a site whose groups
were set up before this app existed; the same idempotent set-up `load_reference_data` runs."""

from django.db import migrations

from portal import staff_groups


def grant(apps, schema_editor):
    staff_groups.set_up(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("portal", "0003_reference_data_and_staff_groups"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
