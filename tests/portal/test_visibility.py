from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from tests.stories.factories import StoryPageFactory


def listed(client, url="/stories/"):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return {link.get_text(strip=True) for link in soup.select(".card-title a")}


def test_restricted_story_is_hidden_from_listings_feed_and_direct_visits(client, story_index):
    open_story = StoryPageFactory(parent=story_index, title="Open")
    private = StoryPageFactory(parent=story_index, title="Private")
    assert listed(client) == {"Open", "Private"}  # fills the cache of restricted paths

    restriction = PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    assert listed(client) == {"Open"}
    assert "Private" not in client.get("/stories/feed/").content.decode()
    response = client.get(private.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert client.get(open_story.url).status_code == 200

    restriction.delete()
    assert listed(client) == {"Open", "Private"}
    assert client.get(private.url).status_code == 200


def test_restricting_a_whole_section_hides_its_stories(client, story_index):
    StoryPageFactory(parent=story_index, title="Inside")
    PageViewRestriction.objects.create(page=story_index, restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/stories/").status_code == 302
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert not soup.select(".card-title a")
