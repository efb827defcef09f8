"""Moderators keep the record guidance, the example rules and the jurisdictions; editors read them
(record_guidance/reference_data.py): given on a site whose portal migrations ran before the app
existed. The set-up only adds, so running it again changes nothing staff gave or took."""

from django.db import migrations

from portal import staff_groups


def grant(apps, schema_editor):
    staff_groups.set_up(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("record_guidance", "0001_initial"),
        ("portal", "0003_reference_data_and_staff_groups"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
