"""Campaign moderators verify or suspend programme providers and oversee introductions and hires.

Editors get nothing of the partner side. Partner users (provider staff) are not admin users at all:
they work in the partner area at /partner/, so there is no group for them here.

Depends on 0009 (not 0007) only to keep one line of migrations: the two were written side by
side, and neither needs the other.
"""

from django.db import migrations

MODERATORS = "Campaign moderators"

MODEL_PERMISSIONS = {
    MODERATORS: [
        ("programmeprovider", ["view", "change"]),
        ("introduction", ["view"]),
        ("hire", ["view"]),
    ],
}


def permissions_by_group(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for group_name, models in MODEL_PERMISSIONS.items():
        perms = []
        for model_name, actions in models:
            model = apps.get_model("employers", model_name)
            content_type, _ = ContentType.objects.get_or_create(app_label="employers", model=model_name)
            for action in actions:
                perm, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model_name}",
                    defaults={"name": f"Can {action} {model._meta.verbose_name_raw}"},
                )
                perms.append(perm)
        yield group_name, perms


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group_name, perms in permissions_by_group(apps):
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(*perms)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group_name, perms in permissions_by_group(apps):
        group = Group.objects.filter(name=group_name).first()
        if group is not None:
            group.permissions.remove(*perms)


class Migration(migrations.Migration):
    dependencies = [
        ("employers", "0009_job_search_document"),
        ("employers", "0003_staff_permissions"),
        ("contenttypes", "__latest__"),
        ("auth", "__latest__"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
