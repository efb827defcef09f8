"""Campaign editors and moderators read the impact dashboard (and receive the monthly summary)."""

from django.db import migrations

GROUPS = ["Campaign editors", "Campaign moderators"]
CODENAME = "view_impact_dashboard"


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="impact", model="monthlysummary")
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=CODENAME, defaults={"name": "Can view the impact dashboard"}
    )
    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(perm)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="impact", codename=CODENAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("impact", "0001_initial"),
        ("portal", "0003_editorial_groups_and_workflow"),
        ("contenttypes", "__latest__"),
        ("auth", "__latest__"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
