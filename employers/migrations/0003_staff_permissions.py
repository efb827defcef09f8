"""Campaign staff in the Wagtail admin: moderators verify or suspend employers and manage the
pledge commitments; editors may look at employers but change nothing."""

from django.db import migrations

EDITORS = "Campaign editors"
MODERATORS = "Campaign moderators"

MODEL_PERMISSIONS = {
    EDITORS: [("employer", ["view"])],
    MODERATORS: [
        ("employer", ["view", "change"]),
        ("pledgecommitment", ["add", "change", "view"]),
        ("hiringpledge", ["view"]),
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
        ("employers", "0002_pledge_commitments"),
        ("portal", "0003_editorial_groups_and_workflow"),
        ("contenttypes", "__latest__"),
        ("auth", "__latest__"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
