from django.db import migrations

from employers.isco import MAJOR_GROUPS, SUB_MAJOR_GROUPS, UNIT_GROUPS

PHRASES = [
    (
        "clean record",
        "Say what the role really needs, e.g. 'We assess any criminal record individually and only where it is relevant to the job.'",
    ),
    (
        "clean criminal record",
        "Say what the role really needs, e.g. 'We assess any criminal record individually and only where it is relevant to the job.'",
    ),
    (
        "no criminal record",
        "Remove it unless the law bars people with particular convictions from this role; if it does, name the check the law requires.",
    ),
    (
        "no criminal history",
        "Remove it unless the law bars people with particular convictions from this role; if it does, name the check the law requires.",
    ),
    ("no convictions", "Remove it, or name the specific legal requirement for this role."),
    (
        "must pass a background check",
        "Only where the role legally requires one: name the check (e.g. an enhanced check for work with children) and say records are assessed individually.",
    ),
    ("must have no criminal convictions", "Remove it, or name the specific legal requirement for this role."),
    ("ex-offenders need not apply", "Remove it: it breaks the portal's fair-chance rules."),
]


def seed(apps, schema_editor):
    Occupation = apps.get_model("employers", "Occupation")
    for code, title in [*MAJOR_GROUPS, *SUB_MAJOR_GROUPS, *UNIT_GROUPS]:
        Occupation.objects.update_or_create(code=code, defaults={"title": title})
    DeterringPhrase = apps.get_model("employers", "DeterringPhrase")
    for phrase, suggestion in PHRASES:
        DeterringPhrase.objects.get_or_create(phrase=phrase, defaults={"suggestion": suggestion})


class Migration(migrations.Migration):
    dependencies = [("employers", "0004_certification_deterringphrase_occupation_and_more")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
