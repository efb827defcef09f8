"""Campaign staff in the Wagtail admin: an editor submits a story, a moderator approves it twice."""

import re

import pytest
from playwright.sync_api import expect

from stories.models import StoryPage
from tests.browser.admin_login import admin_staff, log_in_to_admin
from tests.stories.factories import DraftStoryPageFactory

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"
WORKFLOW = "Campaign editorial review"


def staff(email, group):
    return admin_staff(email, group)


def log_in(page, user):
    log_in_to_admin(page, user.email)


def log_out(page, user):
    page.goto("/admin/")
    account_menu = page.get_by_role("button", name=user.first_name, exact=True)
    account_menu.click()
    expect(account_menu).to_have_attribute("aria-expanded", "true")
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(page.get_by_text("You have been successfully logged out.")).to_be_visible()


def open_footer_actions(page):
    """The edit view's footer: its primary button, and the other actions behind "More actions"."""
    page.wait_for_load_state("load")  # the dropdown only opens once Wagtail's scripts have run
    footer = page.get_by_role("navigation", name="Actions (footer)")
    toggle = footer.get_by_role("button", name="More actions")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    return footer


def approve_from_dashboard(page, story, button_name):
    """The moderator follows the dashboard's "Awaiting your review" link and approves the step."""
    page.goto("/admin/")
    awaiting = page.get_by_role("region", name="Awaiting your review")
    awaiting.get_by_role("link", name=story.title, exact=True).click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{story.pk}/edit/$"))
    footer = open_footer_actions(page)
    footer.get_by_role("button", name=button_name, exact=True).click()
    expect(page.locator(".messages")).to_contain_text(f"Page '{story.title}' has been updated.")


def test_editor_submits_and_moderator_publishes(page, story_index):
    story = DraftStoryPageFactory(parent=story_index, title="Back in the classroom")
    editor = staff("editor@example.org", "Campaign editors")
    moderator = staff("moderator@example.org", "Campaign moderators")

    # A draft is not public.
    response = page.goto(story.url)
    assert response.status == 404

    # The editor can send the story for review, and cannot publish it.
    log_in(page, editor)
    page.goto(f"/admin/pages/{story.pk}/edit/")
    expect(page).to_have_title(re.compile(r"^Editing Story: Back in the classroom"))
    footer = open_footer_actions(page)
    expect(footer.get_by_role("button", name="Publish")).to_have_count(0)
    footer.get_by_role("button", name=f"Submit to {WORKFLOW}").click()
    expect(page.locator(".messages")).to_contain_text(
        "Page 'Back in the classroom' has been submitted for moderation."
    )
    story.refresh_from_db()
    assert story.current_workflow_task.name == "Consent and facts check"
    assert not story.live
    log_out(page, editor)

    # The moderator finds it waiting on the dashboard and approves both steps.
    log_in(page, moderator)
    approve_from_dashboard(page, story, "Approve")
    story.refresh_from_db()
    assert story.current_workflow_task.name == "Approval to publish"
    assert not story.live

    approve_from_dashboard(page, story, "Approve and Publish")
    story.refresh_from_db()
    assert story.live
    assert story.current_workflow_state is None
    log_out(page, moderator)

    # Anyone can now read it.
    response = page.goto(story.url)
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Back in the classroom")
    assert StoryPage.objects.live().filter(pk=story.pk).exists()
