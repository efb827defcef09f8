"""Every stored job description cleaned again by nh3: the hand-written sanitiser before it let
CDATA sections, declarations and processing instructions through (issue 14)."""

from django.db import migrations

from employers.richtext import sanitise_html


def resanitise(apps, schema_editor):
    JobListing = apps.get_model("employers", "JobListing")
    for pk, description in JobListing.objects.values_list("pk", "description").iterator(chunk_size=500):
        cleaned = sanitise_html(description)
        if cleaned != description:
            JobListing.objects.filter(pk=pk).update(description=cleaned)


class Migration(migrations.Migration):
    dependencies = [("employers", "0020_apply_through_programme_providers_phrase_help")]

    operations = [migrations.RunPython(resanitise, migrations.RunPython.noop, elidable=True)]
