"""What staff and operators see of the indices: the Wagtail admin's page search finds published
pages with every engine, and `search_index status` and `update` count what is searchable.

With a search server, Wagtail's own index lives on it and nothing but `search_index rebuild`
(which runs Wagtail's `update_index`) fills it: before, the admin's search came back empty once a
server was configured. Staff look pages up by a word of their title.
"""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.portal.factories import UserFactory, with_totp
from tests.stories.factories import StoryPageFactory


def test_the_admin_page_search_finds_a_published_page_by_a_word_of_its_title(engine, client, story_index):
    StoryPageFactory(parent=story_index, title="Sourdough apprentice finds her feet")
    StoryPageFactory(parent=story_index, title="From the kitchen to the classroom")
    if engine.live:
        call_command("search_index", "rebuild", stdout=io.StringIO(), stderr=io.StringIO())
    client.force_login(with_totp(UserFactory(is_superuser=True, is_staff=True, email="admin@example.org")))

    response = client.get(reverse("wagtailadmin_pages:search"), {"q": "sourdough"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Sourdough apprentice finds her feet" in page
    assert "From the kitchen to the classroom" not in page


def test_search_index_status_and_update_count_what_is_searchable(engine, story_index):
    """The operator's view of the indices: as many documents indexed as the database holds."""
    StoryPageFactory(parent=story_index, title="Bread and a second chance")
    if not engine.live:
        with pytest.raises(CommandError, match="Neither ELASTICSEARCH_URL nor OPENSEARCH_URL is set"):
            call_command("search_index", "status", stdout=io.StringIO())
        return
    engine.load()
    StoryPageFactory(parent=story_index, title="Kitchen to classroom")  # indexed by its task

    updated = io.StringIO()
    call_command("search_index", "update", stdout=updated, stderr=io.StringIO())
    engine.settle()
    status = io.StringIO()
    call_command("search_index", "status", stdout=status)

    assert f"{engine.prefix}_stories (" in updated.getvalue()
    stories = next(line for line in status.getvalue().splitlines() if line.startswith("stories"))
    assert stories.endswith("2 indexed, 2 in the database")
