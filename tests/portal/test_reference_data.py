"""The one loader of reference data and the one set-up of the staff groups (portal/reference_data.py,
portal/staff_groups.py): a new site gets from them what today's data migrations give it, and
running them again on a live site neither adds copies nor undoes what staff changed."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
)

from campaigns.models import Audience
from employers.models import PledgeCommitment
from portal import reference_data, staff_groups
from taxonomy.models import DeterringPhrase, Occupation, Skill

pytestmark = pytest.mark.django_db

REFERENCE_MODELS = [Occupation, Skill, DeterringPhrase, PledgeCommitment, Audience]


def counts():
    return {model.__name__: model.objects.count() for model in REFERENCE_MODELS}


def test_every_list_a_new_site_needs_is_registered():
    labels = {table.model for table in reference_data.TABLES}
    assert {
        "taxonomy.Occupation",
        "taxonomy.Skill",
        "taxonomy.Certification",
        "taxonomy.DeterringPhrase",
        "employers.PledgeCommitment",
        "campaigns.Audience",
    } <= labels


def test_loading_on_a_migrated_site_adds_nothing():
    before = counts()
    assert set(reference_data.load().values()) == {0}
    assert counts() == before


def test_loading_fills_empty_lists_and_a_second_load_adds_nothing():
    before = counts()
    codes = sorted(Occupation.objects.values_list("code", "title"))
    for model in REFERENCE_MODELS:
        model.objects.all().delete()

    reference_data.load()
    assert counts() == before
    assert sorted(Occupation.objects.values_list("code", "title")) == codes

    reference_data.load()
    assert counts() == before


def test_a_row_staff_edited_keeps_the_edit():
    bricklaying = Skill.objects.get(name="Bricklaying")
    bricklaying.synonyms = "Brickie"
    bricklaying.save()
    managers = Occupation.objects.get(code="1")
    managers.title = "Managers and directors"
    managers.save()

    reference_data.load()

    assert Skill.objects.get(name="Bricklaying").synonyms == "Brickie"
    assert Occupation.objects.get(code="1").title == "Managers and directors"


def test_a_phrase_staff_rewrote_in_another_case_is_not_added_again():
    phrase = DeterringPhrase.objects.get(phrase="no felonies")
    phrase.phrase = "No Felonies"
    phrase.suggestion = "Our own advice."
    phrase.save()

    reference_data.load()

    assert list(
        DeterringPhrase.objects.filter(phrase__iexact="no felonies").values_list("phrase", "suggestion")
    ) == [("No Felonies", "Our own advice.")]


def test_a_row_staff_deleted_comes_back_only_when_the_loader_is_run():
    Skill.objects.filter(name="Bricklaying").delete()
    assert not Skill.objects.filter(name="Bricklaying").exists()

    call_command("load_reference_data", stdout=io.StringIO())

    assert Skill.objects.get(name="Bricklaying").synonyms == "Brickwork\nBlocklaying"


def staff_set_up():
    """What the staff groups may do, by names and codenames, as a person reading the admin sees it."""
    return {
        "permissions": {
            (group.name, perm.content_type.app_label, perm.codename)
            for group in Group.objects.filter(name__in=staff_groups.GROUPS)
            for perm in group.permissions.select_related("content_type")
        },
        "pages": set(
            GroupPagePermission.objects.values_list("group__name", "page__depth", "permission__codename")
        ),
        "collections": set(
            GroupCollectionPermission.objects.values_list(
                "group__name",
                "collection__depth",
                "permission__content_type__app_label",
                "permission__codename",
            )
        ),
        "workflow": [
            (task.name, [group.name for group in GroupApprovalTask.objects.get(pk=task.pk).groups.all()])
            for task in Workflow.objects.get(name=staff_groups.WORKFLOW).tasks.order_by(
                "workflow_tasks__sort_order"
            )
        ],
        "root workflow": list(WorkflowPage.objects.values_list("page__depth", "workflow__name")),
    }


def test_the_groups_set_up_again_from_nothing_are_what_the_migrations_gave():
    migrated = staff_set_up()
    assert ("Campaign moderators", "employers", "change_employer") in migrated["permissions"]
    assert ("Campaign editors", "impact", "view_impact_dashboard") in migrated["permissions"]

    Group.objects.filter(name__in=staff_groups.GROUPS).delete()
    Workflow.objects.filter(name=staff_groups.WORKFLOW).delete()
    GroupApprovalTask.objects.filter(name__in=staff_groups.WORKFLOW_STEPS).delete()

    staff_groups.set_up()
    assert staff_set_up() == migrated


def test_setting_up_the_groups_twice_changes_nothing():
    migrated = staff_set_up()
    staff_groups.set_up()
    staff_groups.set_up()
    assert staff_set_up() == migrated
    assert Group.objects.filter(name__in=staff_groups.GROUPS).count() == 2


def test_setting_up_the_groups_keeps_what_staff_added_and_the_workflow_they_chose():
    editors = Group.objects.get(name=staff_groups.EDITORS)
    publish = GroupPagePermission.objects.filter(permission__codename="publish_page").first().permission
    GroupPagePermission.objects.create(
        group=editors, page=WorkflowPage.objects.get().page, permission=publish
    )
    own = Workflow.objects.create(name="Our own review")
    WorkflowPage.objects.update(workflow=own)

    staff_groups.set_up()

    assert GroupPagePermission.objects.filter(group=editors, permission__codename="publish_page").exists()
    assert WorkflowPage.objects.get().workflow == own
