"""What a new deployment starts with, from `migrate`: the reference data each app keeps in its
data files (skills with synonyms, certifications, ISCO-08 occupations, deterring phrases, pledge
commitments, campaign audiences) and the two staff groups with their permissions and the editorial
workflow. Both come from the registries the apps fill in AppConfig.ready(), through the one
idempotent loader (`load_reference_data` runs the same): nothing that exists is changed, so it is
safe on a database that has them.

It runs after every app's initial migration, named here by label only (the ground floor imports
no domain app); an app that adds reference data adds its initial migration to this list.
"""

from django.db import migrations

from portal import reference_data, staff_groups


def load(apps, schema_editor):
    reference_data.load(apps)
    staff_groups.set_up(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_initial"),
        ("accounts", "0001_initial"),
        ("stories", "0001_initial"),
        ("campaigns", "0001_initial"),
        ("taxonomy", "0001_initial"),
        ("employers", "0001_initial"),
        ("jobs", "0001_initial"),
        ("partners", "0001_initial"),
        ("matching", "0001_initial"),
        ("incentives", "0001_initial"),
        ("impact", "0001_initial"),
        ("wagtailcore", "__latest__"),
        ("wagtailimages", "__latest__"),
        ("wagtaildocs", "__latest__"),
        ("wagtailadmin", "__latest__"),
        ("contenttypes", "__latest__"),
        ("auth", "__latest__"),
    ]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
