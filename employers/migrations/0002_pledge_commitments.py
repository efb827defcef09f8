from django.db import migrations

COMMITMENTS = [
    ("Remove the conviction question from initial applications", False, ""),
    ("Assess criminal records individually, and only where relevant to the job", False, ""),
    ("Hire programme graduates every year", True, "programme graduates a year"),
    ("Offer work placements or apprenticeships to programme participants", True, "placements a year"),
    ("Give every new hire from a programme a mentor", False, ""),
    ("Train hiring managers in fair-chance recruitment", False, ""),
]


def seed(apps, schema_editor):
    PledgeCommitment = apps.get_model("employers", "PledgeCommitment")
    for order, (title, needs_number, label) in enumerate(COMMITMENTS):
        PledgeCommitment.objects.get_or_create(
            title=title, defaults={"needs_number": needs_number, "number_label": label, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("employers", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
