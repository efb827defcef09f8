from bs4 import BeautifulSoup

from tests.campaigns.factories import LiveCampaignPageFactory
from tests.stories.factories import DraftStoryPageFactory, StoryPageFactory


def result_titles(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(strip=True) for link in soup.select(".search-results h2 a")]


def test_finds_live_stories_and_campaigns_by_their_words(client, story_index, campaign_index):
    StoryPageFactory(parent=story_index, title="Bricklaying to site manager", standfirst="Dee leads a team.")
    StoryPageFactory(parent=story_index, title="A bakery job", standfirst="Four a.m. starts.")
    DraftStoryPageFactory(parent=story_index, title="Bricklaying draft")
    LiveCampaignPageFactory(parent=campaign_index, title="Yellow Ribbon", introduction="Bricklaying pledges.")
    titles = result_titles(client, "bricklaying")
    assert set(titles) == {"Bricklaying to site manager", "Yellow Ribbon"}


def test_empty_and_hostile_queries_are_answered_calmly(client, home):
    assert result_titles(client, "") == []
    for query in ["<script>alert(1)</script>", "a" * 5000, "\x00\x01", "' OR 1=1 --", "∑ unicode ✓"]:
        response = client.get("/search/", {"q": query})
        assert response.status_code == 200
        assert b"<script>alert(1)</script>" not in response.content


def test_results_page_is_not_indexed_by_crawlers(client, home):
    soup = BeautifulSoup(client.get("/search/?q=x").content, "html.parser")
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
