"""Who may do what in the Wagtail admin: one matrix, checked through real requests."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import WorkflowState

from stories.models import StoryConsent, StoryPage
from tests.portal.factories import UserFactory, with_totp
from tests.stories.factories import DraftStoryPageFactory, ExpiredStoryConsentFactory


def member_of(group_name):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    return with_totp(user)  # the admin asks staff for a second factor


@pytest.fixture
def people(db):
    return {
        "anonymous": None,
        "public user": UserFactory(),
        "editor": member_of("Campaign editors"),
        "moderator": member_of("Campaign moderators"),
        "superuser": with_totp(UserFactory(is_superuser=True, is_staff=True)),
    }


def client_for(client, user):
    if user is not None:
        client.force_login(user)
    return client


def submit(client, story):
    from tests.stories.test_consent import TestEditorForm

    data = TestEditorForm().edit_post_data(story)
    return client.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), {**data, "action-submit": "1"})


def approve(client, story):
    state = WorkflowState.objects.get(
        base_content_type__model="page", object_id=str(story.pk), status="in_progress"
    )
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk])
    return client.post(url, {"comment": ""}), task_state.task.name


EXPECTED = {
    # person: (reaches the admin, may edit stories, may publish directly, may approve, may record consent)
    "anonymous": (False, False, False, False, False),
    "public user": (False, False, False, False, False),
    "editor": (True, True, False, False, False),
    "moderator": (True, True, True, True, True),
    "superuser": (True, True, True, True, True),
}


@pytest.mark.parametrize("person", EXPECTED)
def test_permission_matrix(client, people, story_index, person):
    admin_ok, edit_ok, publish_ok, approve_ok, consent_ok = EXPECTED[person]
    user = people[person]
    story = DraftStoryPageFactory(parent=story_index)
    client = client_for(client, user)

    assert (client.get(reverse("wagtailadmin_home")).status_code == 200) is admin_ok
    assert (client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).status_code == 200) is edit_ok
    consent_add = client.get(reverse("wagtailsnippets_stories_storyconsent:add"))
    assert (consent_add.status_code == 200) is consent_ok

    if user is not None:
        perms = story.permissions_for_user(user)
        assert perms.can_publish() is publish_ok
        assert perms.can_edit() is edit_ok

    # An editor puts the story into the workflow; then this person tries to approve it.
    submit(client_for(client.__class__(), people["editor"]), story)
    response, step = approve(client_for(client.__class__(), user), story)
    assert step == "Consent and facts check"
    state = WorkflowState.objects.get(object_id=str(story.pk))
    moved_on = state.current_task_state is None or state.current_task_state.task.name != step
    assert moved_on is approve_ok, response.status_code


def test_editor_submits_and_moderator_publishes_in_two_steps(client, people, story_index):
    story = DraftStoryPageFactory(parent=story_index)
    editor_client = client_for(client.__class__(), people["editor"])
    response = submit(editor_client, story)
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(story.pk))
    assert state.workflow.name == "Campaign editorial review"
    assert state.status == "in_progress"

    moderator_client = client_for(client.__class__(), people["moderator"])
    _, first = approve(moderator_client, story)
    assert not StoryPage.objects.get(pk=story.pk).live
    _, second = approve(moderator_client, story)
    assert (first, second) == ("Consent and facts check", "Approval to publish")
    assert StoryPage.objects.get(pk=story.pk).live
    assert client.get(StoryPage.objects.get(pk=story.pk).url).status_code == 200


def test_editor_cannot_submit_a_story_without_current_consent(client, people, story_index):
    story = DraftStoryPageFactory(parent=story_index, consent=ExpiredStoryConsentFactory())
    response = submit(client_for(client, people["editor"]), story)
    assert response.status_code == 200
    assert "The consent expired on" in response.content.decode()
    assert not WorkflowState.objects.filter(object_id=str(story.pk)).exists()


def test_approval_does_not_publish_when_consent_lapsed_meanwhile(client, people, story_index):
    story = DraftStoryPageFactory(parent=story_index)
    submit(client_for(client.__class__(), people["editor"]), story)
    moderator_client = client_for(client.__class__(), people["moderator"])
    approve(moderator_client, story)
    StoryConsent.objects.filter(pk=story.consent_id).update(withdrawn_on=story.consent.given_on)
    approve(moderator_client, story)
    assert not StoryPage.objects.get(pk=story.pk).live
