"""The Wagtail admin's page search finds published pages with every engine.

With a search server, Wagtail's own index lives on it and nothing but `search_index rebuild`
(which runs Wagtail's `update_index`) fills it: before, the admin's search came back empty once a
server was configured. Staff look pages up by a word of their title.
"""

import io

from django.core.management import call_command
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
