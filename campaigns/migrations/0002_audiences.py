from django.db import migrations

AUDIENCES = [
    ("public", "The public"),
    ("employers", "Employers"),
    ("families", "Families"),
    ("volunteers", "Volunteers"),
    ("policymakers", "Policymakers"),
]


def seed(apps, schema_editor):
    Audience = apps.get_model("campaigns", "Audience")
    for slug, name in AUDIENCES:
        Audience.objects.update_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
