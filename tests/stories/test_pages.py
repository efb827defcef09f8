import feedparser
from bs4 import BeautifulSoup

from stories.models import StoryIndexPage
from tests.campaigns.factories import EndedCampaignPageFactory, LiveCampaignPageFactory
from tests.stories.factories import DraftStoryPageFactory, StoryPageFactory, ThemeFactory


def card_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {link.get_text(strip=True) for link in soup.select(".card-title a")}


class TestStoryIndexFilters:
    def test_filters_by_theme_programme_and_region(self, client, story_index):
        work, family = ThemeFactory(name="Work", slug="work"), ThemeFactory(name="Family", slug="family")
        chef = StoryPageFactory(parent=story_index, title="Chef", themes=[work], region="GB-MAN")
        dad = StoryPageFactory(
            parent=story_index, title="Dad", themes=[family], region="GB-LDS", programme_type="family"
        )
        both = StoryPageFactory(parent=story_index, title="Both", themes=[work, family], region="GB-LDS")

        assert card_titles(client.get("/stories/")) == {"Chef", "Dad", "Both"}
        assert card_titles(client.get("/stories/?theme=work")) == {"Chef", "Both"}
        assert card_titles(client.get("/stories/?programme_type=family")) == {"Dad"}
        assert card_titles(client.get("/stories/?region=GB-LDS")) == {"Dad", "Both"}
        assert card_titles(client.get("/stories/?theme=family&region=GB-LDS")) == {"Dad", "Both"}
        assert {chef.pk, dad.pk, both.pk}

    def test_chosen_filters_stay_selected(self, client, story_index):
        ThemeFactory(name="Work", slug="work")
        StoryPageFactory(parent=story_index, region="GB-MAN")
        soup = BeautifulSoup(client.get("/stories/?theme=work&region=GB-MAN").content, "html.parser")
        assert soup.select_one("#filter-theme option[selected]")["value"] == "work"
        assert soup.select_one("#filter-region option[selected]")["value"] == "GB-MAN"

    def test_each_region_is_offered_once(self, client, story_index):
        """The region menu lists regions, not stories: one option for five stories there."""
        for _ in range(5):
            StoryPageFactory(parent=story_index, region="GB-MAN")
        StoryPageFactory(parent=story_index, region="GB-LDS")
        soup = BeautifulSoup(client.get("/stories/").content, "html.parser")
        offered = [option["value"] for option in soup.select("#filter-region option") if option["value"]]
        assert sorted(offered) == ["GB-LDS", "GB-MAN"]

    def test_a_story_with_two_themes_shows_once_under_either(self, client, story_index):
        work, family = ThemeFactory(name="Work", slug="work"), ThemeFactory(name="Family", slug="family")
        StoryPageFactory(parent=story_index, title="Both", themes=[work, family])
        soup = BeautifulSoup(client.get("/stories/?theme=work").content, "html.parser")
        assert [link.get_text(strip=True) for link in soup.select(".card-title a")] == ["Both"]

    def test_unknown_filter_values_are_ignored_not_errors(self, client, story_index):
        StoryPageFactory(parent=story_index, title="Chef")
        response = client.get("/stories/?theme=nope&programme_type=<script>&region=XX-999&page=abc")
        assert response.status_code == 200
        assert card_titles(response) == {"Chef"}

    def test_drafts_are_not_listed(self, client, story_index):
        StoryPageFactory(parent=story_index, title="Live")
        DraftStoryPageFactory(parent=story_index, title="Draft")
        assert card_titles(client.get("/stories/")) == {"Live"}

    def test_pagination_keeps_filters_in_the_links(self, client, story_index):
        work = ThemeFactory(name="Work", slug="work")
        for _ in range(StoryIndexPage.page_size + 2):
            StoryPageFactory(parent=story_index, themes=[work])
        response = client.get("/stories/?theme=work")
        soup = BeautifulSoup(response.content, "html.parser")
        assert len(soup.select(".card")) == StoryIndexPage.page_size
        next_link = soup.select_one("a[rel=next]")["href"]
        assert next_link == "?theme=work&page=2"
        assert (
            len(BeautifulSoup(client.get("/stories/" + next_link).content, "html.parser").select(".card"))
            == 2
        )

    def test_a_page_past_the_end_shows_the_last_page(self, client, story_index):
        StoryPageFactory(parent=story_index, title="Only")
        assert card_titles(client.get("/stories/?page=99")) == {"Only"}


class TestStoryPage:
    def test_shows_the_story_and_related_stories(self, client, story_index):
        work = ThemeFactory(name="Work", slug="work")
        story = StoryPageFactory(parent=story_index, title="From kitchen to chef", themes=[work])
        StoryPageFactory(parent=story_index, title="Related", themes=[work])
        StoryPageFactory(parent=story_index, title="Unrelated", themes=[ThemeFactory()])
        soup = BeautifulSoup(client.get(story.url).content, "html.parser")
        assert soup.h1.get_text(strip=True) == "From kitchen to chef"
        assert len(soup.find_all("h1")) == 1
        assert "Someone gave me a chance." in soup.select_one("blockquote").get_text()
        assert card_titles_from(soup) == {"Related"}

    def test_open_graph_and_twitter_tags(self, client, story_index):
        story = StoryPageFactory(parent=story_index, title="A fair start", standfirst="Sam found work.")
        soup = BeautifulSoup(client.get(story.url).content, "html.parser")

        def meta(attr, name):
            tag = soup.find("meta", attrs={attr: name})
            return tag["content"] if tag else None

        assert meta("property", "og:title") == "A fair start"
        assert meta("property", "og:description") == "Sam found work."
        assert meta("property", "og:type") == "article"
        assert meta("property", "og:url") == f"http://testserver{story.url}"
        assert meta("property", "og:image").startswith("http://testserver/media/images/")
        assert meta("property", "og:image:width") == "1200"
        assert meta("property", "og:image:alt") == story.hero_alt_text
        assert meta("name", "twitter:card") == "summary_large_image"
        assert meta("name", "twitter:image") == meta("property", "og:image")

    def test_hero_image_is_responsive_webp_with_alt_text(self, client, story_index):
        story = StoryPageFactory(parent=story_index, hero_alt_text="Two people laughing at a workbench")
        soup = BeautifulSoup(client.get(story.url).content, "html.parser")
        hero = soup.select_one("img.story-hero")
        assert hero["alt"] == "Two people laughing at a workbench"
        assert hero["srcset"].count(".webp") == 3


def card_titles_from(soup):
    return {link.get_text(strip=True) for link in soup.select(".card-title a")}


class TestFeed:
    def test_rss_feed_lists_the_latest_twenty_live_stories(self, client, story_index):
        for n in range(22):
            StoryPageFactory(parent=story_index, title=f"Story {n}")
        DraftStoryPageFactory(parent=story_index, title="Draft story")
        response = client.get("/stories/feed/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/rss+xml")
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.bozo_exception
        assert feed.version == "rss20"
        assert len(feed.entries) == 20
        titles = [entry.title for entry in feed.entries]
        assert "Draft story" not in titles
        first = feed.entries[0]
        assert first.link.startswith("http://testserver/stories/")
        assert first.summary == "Work gave Sam a reason to get up in the morning."
        assert first.published_parsed is not None


class TestStoryEndsWithAWayToAct:
    def actions(self, client, story):
        response = client.get(story.url)
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        block = soup.select_one("article [data-story-actions]")
        assert block, "the story has no call to action"
        # It comes after the story's body: the last thing of the article.
        assert block.find_previous_sibling(class_="story-body")
        return {a["data-action"]: a for a in block.select("a[data-action]")}

    def test_a_story_of_a_campaign_links_to_it(self, client, story_index, campaign_index):
        campaign = LiveCampaignPageFactory(parent=campaign_index, title="Wear the ribbon")
        story = StoryPageFactory(parent=story_index, campaign=campaign)
        links = self.actions(client, story)
        assert links["campaign"]["href"] == campaign.url
        assert "Support “Wear the ribbon”" in links["campaign"].get_text()
        assert links["jobs"]["href"] == "/jobs/"
        assert "pledge" not in links

    def test_an_ended_campaign_is_still_the_way_in(self, client, story_index, campaign_index):
        campaign = EndedCampaignPageFactory(parent=campaign_index, title="Last year")
        story = StoryPageFactory(parent=story_index, campaign=campaign)
        assert "Read about “Last year”" in self.actions(client, story)["campaign"].get_text()

    def test_without_a_campaign_the_pledge_and_jobs(self, client, story_index):
        links = self.actions(client, StoryPageFactory(parent=story_index))
        assert links["pledge"]["href"] == "/campaigns/"
        assert links["jobs"]["href"] == "/jobs/"
        assert links["employers"]["href"] == "/pledge-wall/"

    def test_an_unpublished_campaign_is_not_linked(self, client, story_index, campaign_index):
        campaign = LiveCampaignPageFactory(parent=campaign_index, title="Draft campaign")
        story = StoryPageFactory(parent=story_index, campaign=campaign)
        campaign.unpublish()
        links = self.actions(client, story)
        assert "campaign" not in links and links["pledge"]["href"] == "/campaigns/"
