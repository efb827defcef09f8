"""More wording that deters people with records: background checks, felonies, convictions.

The matching takes case, spacing, hyphens, articles and singular/plural in its stride
(employers/wording.py), so one phrase covers "No felony", "no-felonies" and "NO  FELONIES".
Existing phrases are left as staff edited them; a phrase staff deleted is not brought back
if it exists under another case.
"""

from django.db import migrations

CHECK = (
    "Only where the role legally requires a check: name it (e.g. an enhanced check for work with "
    "children) and say that records are assessed individually and only where relevant."
)
REMOVE = "Remove it, or name the specific legal requirement for this role."

PHRASES = [
    ("clean background check", CHECK),
    ("clean criminal background", CHECK),
    ("clean DBS", CHECK),
    ("must pass a criminal background check", CHECK),
    ("must pass a criminal record check", CHECK),
    ("must pass a criminal records check", CHECK),
    ("no felonies", REMOVE),
    ("no felony convictions", REMOVE),
    ("felony free", REMOVE),
    ("no criminal convictions", REMOVE),
    ("no prior convictions", REMOVE),
    ("no unspent convictions", REMOVE),
]


def seed(apps, schema_editor):
    DeterringPhrase = apps.get_model("employers", "DeterringPhrase")
    for phrase, suggestion in PHRASES:
        if not DeterringPhrase.objects.filter(phrase__iexact=phrase).exists():
            DeterringPhrase.objects.create(phrase=phrase, suggestion=suggestion)


def unseed(apps, schema_editor):
    DeterringPhrase = apps.get_model("employers", "DeterringPhrase")
    DeterringPhrase.objects.filter(phrase__in=[phrase for phrase, _suggestion in PHRASES]).delete()


class Migration(migrations.Migration):
    dependencies = [("employers", "0018_moderation_queue_indexes")]
    operations = [migrations.RunPython(seed, unseed)]
