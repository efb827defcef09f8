"""Each public page costs a fixed number of queries, however many rows stand behind it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from portal.models import HomePageFeaturedStory
from tests.campaigns.factories import ConfirmedPledgeFactory, LiveCampaignPageFactory
from tests.portal.factories import ImageFactory
from tests.stories.factories import StoryPageFactory, ThemeFactory

BUDGET = 12
QUERY_COUNTS = {}


def queries_for(client, url):
    client.get(url)  # warm: renditions are made once, then read from the database
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def build_site(story_index, campaign_index, home, size):
    themes = [ThemeFactory(slug=f"t{n}", name=f"T{n}") for n in range(3)]
    stories = [
        StoryPageFactory(parent=story_index, themes=themes[: 1 + n % 3], region="GB-MAN") for n in range(size)
    ]
    # Shaped like the demo's live campaign: chosen stories, figures, the pledge form, questions.
    campaign = LiveCampaignPageFactory(
        parent=campaign_index,
        body=[
            ("hero", {"heading": "Wear the ribbon", "text": "Open a door."}),
            (
                "figures",
                {"heading": "Why", "figures": [{"value": "1 in 2", "label": "reoffend", "source": ""}]},
            ),
            ("story_list", {"heading": "Stories", "stories": stories[:3], "theme": None, "limit": 3}),
            ("pledge_form", {"heading": "Pledge", "text": ""}),
        ],
    )
    # Every extra block costs its own queries, but never more with more rows.
    heavy_campaign = LiveCampaignPageFactory(
        parent=campaign_index,
        body=[
            ("story_list", {"heading": "Stories", "stories": stories[:3], "theme": None, "limit": 3}),
            ("story_list", {"heading": "By theme", "stories": [], "theme": themes[0], "limit": 6}),
            ("pledge_form", {"heading": "Pledge", "text": ""}),
        ],
    )
    for each in (campaign, heavy_campaign):
        ConfirmedPledgeFactory.create_batch(size, campaign=each, show_name=True)
    # The story measured ends with a link to its campaign.
    stories[-1].campaign = campaign
    stories[-1].save()
    # The home page as the demo has it: a hero picture, a hero campaign, two calls to action.
    home.featured_stories = [HomePageFeaturedStory(story=story) for story in stories[:3]]
    home.hero_image = ImageFactory()
    home.hero_campaign = home.public_cta_page = campaign
    home.employer_cta_page = Page.objects.get(slug="about")
    home.save_revision().publish()
    return stories, campaign, heavy_campaign


@pytest.mark.parametrize("size", [3, 30])
def test_public_pages_stay_within_budget_whatever_the_size(
    client, home, story_index, campaign_index, standard_pages, size
):
    stories, campaign, heavy_campaign = build_site(story_index, campaign_index, home, size)
    counts = {
        "home": queries_for(client, "/"),
        "story index": queries_for(client, "/stories/"),
        "story index filtered": queries_for(client, "/stories/?theme=t0&region=GB-MAN"),
        "story": queries_for(client, stories[-1].url),
        "campaign index": queries_for(client, "/campaigns/"),
        "campaign": queries_for(client, campaign.url),
        "feed": queries_for(client, "/stories/feed/"),
        "search": queries_for(client, "/search/?q=chance"),
        "standard page": queries_for(client, "/about/"),
        "pledge thanks": queries_for(client, f"{campaign.url}pledge/thanks/"),
    }
    heavy = queries_for(client, heavy_campaign.url)
    QUERY_COUNTS[size] = counts
    over = {page: count for page, count in counts.items() if count > BUDGET and "no budget" not in page}
    assert not over, f"pages over {BUDGET} queries: {over}"
    counts["campaign with two story lists (no budget)"] = heavy
    if 3 in QUERY_COUNTS and 30 in QUERY_COUNTS:
        assert QUERY_COUNTS[3] == QUERY_COUNTS[30]
    print(f"\nqueries per page with {size} stories: {counts}")


def translate_tree(page, locale):
    """`page` and its ancestors below the root, translated into `locale` and published."""
    for ancestor in [*page.get_ancestors().filter(depth__gte=2).specific(), page.specific]:
        if ancestor.get_translation_or_none(locale) is None:
            ancestor.copy_for_translation(locale).save_revision().publish()
    return page.get_translation(locale)


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_public_pages_cost_the_same_in_every_language(
    client, home, story_index, campaign_index, standard_pages, language
):
    """The French and Arabic site: the same queries as the English one, within the same budget
    (the switcher's and hreflang's alternates come from one query; routing asks no locale)."""
    from wagtail.models import Locale

    stories, campaign, _heavy = build_site(story_index, campaign_index, home, 3)
    locale = Locale.objects.get(language_code=language)
    story, translated_campaign = translate_tree(stories[-1], locale), translate_tree(campaign, locale)
    translate_tree(standard_pages["about"], locale)
    english = {
        "home": queries_for(client, "/"),
        "story index": queries_for(client, "/stories/"),
        "story": queries_for(client, stories[-1].url),
        "campaign": queries_for(client, campaign.url),
        "standard page": queries_for(client, "/about/"),
        "job board": queries_for(client, "/jobs/"),
        "checker": queries_for(client, "/incentives/"),
    }
    translated = {
        "home": queries_for(client, f"/{language}/"),
        "story index": queries_for(client, f"/{language}/stories/"),
        "story": queries_for(client, story.url),
        "campaign": queries_for(client, translated_campaign.url),
        "standard page": queries_for(client, f"/{language}/about/"),
        "job board": queries_for(client, f"/{language}/jobs/"),
        "checker": queries_for(client, f"/{language}/incentives/"),
    }
    print(f"\nqueries per page in English: {english}\nqueries per page in {language}: {translated}")
    assert story.url.startswith(f"/{language}/")
    over = {page: count for page, count in translated.items() if count > BUDGET}
    assert not over, f"pages over {BUDGET} queries in {language}: {over}"
    dearer = {page: (english[page], count) for page, count in translated.items() if count > english[page]}
    assert not dearer, f"pages dearer in {language} than in English: {dearer}"
