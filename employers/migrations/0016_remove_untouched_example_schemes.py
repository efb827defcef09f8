"""The example incentive schemes are demo content now (employers/incentive_examples.py). A database
that never loaded the demo got them from the old 0012 and showed them in production: remove them
there, but only untouched ones (no revision saved by staff); where the demo was loaded, keep them."""

from django.db import migrations

EXAMPLES = [
    "Example fair-chance hiring tax credit",
    "Example fidelity bond",
    "Example return-to-work wage subsidy",
    "Example procurement preference for pledged employers",
]
DEMO_ACCOUNTS = ["admin@example.org", "employer@example.org", "partner@example.org"]


def remove_untouched_examples(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    if User.objects.filter(email__in=DEMO_ACCOUNTS).exists():
        return
    IncentiveScheme = apps.get_model("employers", "IncentiveScheme")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="employers", model="incentivescheme").first()
    for scheme in IncentiveScheme.objects.filter(country="XX", name__in=EXAMPLES):
        edited = content_type is not None and (
            Revision.objects.filter(base_content_type=content_type, object_id=str(scheme.pk)).exists()
            or Revision.objects.filter(content_type=content_type, object_id=str(scheme.pk)).exists()
        )
        if not edited:
            scheme.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("employers", "0015_graduate_erasure"),
        ("accounts", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(remove_untouched_examples, migrations.RunPython.noop)]
