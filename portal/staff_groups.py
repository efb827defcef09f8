"""The two staff groups of the Wagtail admin and what they may do, set up in one place.

Campaign editors write and submit pages and look at what the domains hold; campaign moderators
approve and publish (the two-step editorial workflow below), verify or suspend organisations and
keep the lists jobs are described in. The portal owns the groups, the page and collection
permissions and the workflow; each domain app declares the permissions on its own models from its
AppConfig.ready() with `grant(...)`, since the ground floor may not import the rooms above it.

`set_up(apps)` is idempotent and only adds: a group, permission or workflow step that exists is
left as it is, so running it on a live site never takes away what staff gave. It takes the `apps`
registry, so a data migration can call it with historical models; `load_reference_data` runs it.
"""

from django.apps import apps as global_apps
from django.db import transaction

EDITORS = "Campaign editors"
MODERATORS = "Campaign moderators"
GROUPS = (EDITORS, MODERATORS)

WORKFLOW = "Campaign editorial review"
WORKFLOW_STEPS = ["Consent and facts check", "Approval to publish"]
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"],
}
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
    ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
]

# group -> [(app label, model name, codename, name if the permission must be created)]
MODEL_PERMISSIONS = {EDITORS: [], MODERATORS: []}


def grant(group, app_label, model, actions):
    """Give `group` the permissions `<action>_<model>` on `app_label.model` (add, change, view...)."""
    for action in actions:
        grant_permission(group, app_label, model, f"{action}_{model}")


def grant_permission(group, app_label, model, codename, name=None):
    """Give `group` one permission by codename (for the custom ones, such as viewing a dashboard)."""
    entry = (app_label, model, codename, name)
    if entry not in MODEL_PERMISSIONS[group]:
        MODEL_PERMISSIONS[group].append(entry)


grant_permission(EDITORS, "wagtailadmin", "admin", "access_admin")
grant_permission(MODERATORS, "wagtailadmin", "admin", "access_admin")
# The "Translate" action on pages and snippets (wagtail.contrib.simple_translation): a translation
# is a draft that goes through the same editorial workflow as any page (docs/translations.md).
for _group_name in GROUPS:
    grant_permission(
        _group_name,
        "simple_translation",
        "simpletranslation",
        "submit_translation",
        "Can submit translations",
    )


def permission(apps, app_label, model, codename, name=None):
    """The permission, created as Django would if `migrate` has not yet run create_permissions."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found = Permission.objects.filter(content_type=content_type, codename=codename).first()
    if found is not None:
        return found
    if name is None:
        action, _, model_name = codename.partition("_")
        try:
            verbose = apps.get_model(app_label, model_name)._meta.verbose_name_raw
            name = f"Can {action} {verbose}"
        except LookupError:
            name = f"Can {codename.replace('_', ' ')}"
    return Permission.objects.create(content_type=content_type, codename=codename, name=name)


def set_up(apps=global_apps):
    """Create the staff groups, their permissions and the editorial workflow where missing."""
    with transaction.atomic():
        groups = {name: _group(apps, name) for name in GROUPS}
        _workflow(apps, groups[MODERATORS])
    return groups


def _group(apps, name):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(*(permission(apps, *entry) for entry in MODEL_PERMISSIONS[name]))
    root_page = Page.objects.filter(depth=1).first()
    for codename in PAGE_PERMISSIONS[name]:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root_page, permission=permission(apps, "wagtailcore", "page", codename)
        )
    root_collection = Collection.objects.filter(depth=1).first()
    for app_label, model, codenames in COLLECTION_PERMISSIONS:
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=permission(apps, app_label, model, codename),
            )
    return group


def _workflow(apps, moderators):
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    for order, step in enumerate(WORKFLOW_STEPS):
        task = GroupApprovalTask.objects.filter(name=step).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=step, content_type=task_type, active=True)
            task.groups.set([moderators])
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": order})
    # One workflow for the whole tree: every story, campaign and standard page goes through it. It
    # replaces the one-step workflow Wagtail's own migrations put on the root, not one staff chose.
    root_page = Page.objects.filter(depth=1).first()
    current = WorkflowPage.objects.filter(page=root_page).select_related("workflow").first()
    if current is None or current.workflow.name == WAGTAIL_DEFAULT_WORKFLOW:
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
