"""Site search (/search/ and search.site.search) on the database engine, SQLite or PostgreSQL.

Run on PostgreSQL too: DATABASE_URL=postgres://…/<db> pytest tests/search/test_site_search.py
"""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from search import site
from tests.campaigns.factories import LiveCampaignPageFactory
from tests.employers.factories import (
    DraftJobFactory,
    EmployerFactory,
    HiringPledgeFactory,
    JobListingFactory,
    PendingEmployerFactory,
    PendingJobFactory,
)
from tests.portal.factories import StandardPageFactory
from tests.stories.factories import DraftStoryPageFactory, StoryPageFactory

BUDGET = 12


def soup_for(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def result_titles(client, query, **params):
    soup = soup_for(client, q=query, **params)
    return [link.get_text(strip=True) for link in soup.select(".search-results h3 a")]


def type_counts(soup):
    """The type filter as the visitor reads it: {"Stories": 3, ...}."""
    counts = {}
    for link in soup.select(".search-types a"):
        label = link.contents[0].strip()
        counts[label] = int(link.select_one(".count").get_text(strip=True).strip("()"))
    return counts


def wall_employer(name, description="", public=True):
    employer = EmployerFactory(name=name, description=description)
    HiringPledgeFactory(employer=employer, is_public=public)
    return employer


@pytest.fixture
def bricklaying(story_index, campaign_index, home):
    """Something about bricklaying of every type, and hidden things that mention it too."""
    StoryPageFactory(parent=story_index, title="Bricklaying to site manager", standfirst="Dee leads a team.")
    StoryPageFactory(parent=story_index, title="A bakery job", standfirst="Four a.m. starts.")
    LiveCampaignPageFactory(parent=campaign_index, title="Yellow Ribbon", introduction="Bricklaying pledges.")
    builders = wall_employer("Solid Builders", "Bricklaying and roofing across Manchester.")
    JobListingFactory(employer=builders, title="Bricklaying apprentice", description="<p>Lay bricks.</p>")
    StandardPageFactory(parent=home, title="Bricklaying courses", slug="courses")
    # Never to be found:
    DraftStoryPageFactory(parent=story_index, title="Bricklaying draft")
    unpublished = StoryPageFactory(parent=story_index, title="Bricklaying withdrawn")
    unpublished.unpublish()
    private = StoryPageFactory(parent=story_index, title="Bricklaying for members")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    DraftJobFactory(employer=builders, title="Bricklaying draft job")
    PendingJobFactory(employer=builders, title="Bricklaying pending job")
    unverified = PendingEmployerFactory(name="Bricklaying Pending Ltd")
    HiringPledgeFactory(employer=unverified)
    JobListingFactory(employer=unverified, title="Bricklaying job of an unverified employer")
    wall_employer("Bricklaying Private Pledge Ltd", public=False)
    EmployerFactory(name="Bricklaying Without Pledge Ltd")
    return builders


def test_finds_every_type_and_groups_them_with_counts(client, bricklaying):
    soup = soup_for(client, q="bricklaying")
    groups = [section.h2.contents[0].strip() for section in soup.select("section.search-group")]
    assert groups == ["Stories", "Campaigns", "Jobs", "Employers", "Pages"]
    assert type_counts(soup) == {
        "All": 5,
        "Stories": 1,
        "Campaigns": 1,
        "Jobs": 1,
        "Employers": 1,
        "Pages": 1,
    }
    titles = [link.get_text(strip=True) for link in soup.select(".search-results h3 a")]
    assert titles == [
        "Bricklaying to site manager",
        "Yellow Ribbon",
        "Bricklaying apprentice",
        "Solid Builders",
        "Bricklaying courses",
    ]
    assert soup.select_one(".search-summary").get_text(strip=True) == "5 results for “bricklaying”"


def test_drafts_private_unpublished_and_unverified_are_never_found(client, bricklaying):
    everything = " ".join(result_titles(client, "bricklaying"))
    for hidden in ("draft", "withdrawn", "members", "pending", "Pending", "unverified", "Private", "Without"):
        assert hidden not in everything
    suggestions = client.get("/search/suggest/", {"q": "bricklaying"}).json()["suggestions"]
    labels = " ".join(each["label"] for each in suggestions)
    assert "Bricklaying to site manager" in labels
    for hidden in ("draft", "withdrawn", "members", "Pending", "unverified", "Private", "Without"):
        assert hidden not in labels


def test_type_filter_shows_one_type_and_keeps_every_count(client, bricklaying):
    soup = soup_for(client, q="bricklaying", type="job")
    titles = [link.get_text(strip=True) for link in soup.select(".search-results h3 a")]
    assert titles == ["Bricklaying apprentice"]
    assert type_counts(soup)["Stories"] == 1
    current = soup.select_one(".search-types a[aria-current=page]")
    assert current.contents[0].strip() == "Jobs"
    assert current["href"] == "?q=bricklaying&type=job"
    # The page's own box keeps the chosen type for the next search.
    assert soup.select_one("form.search-form input[name=type]")["value"] == "job"
    # An unknown type is ignored, not an error.
    assert len(result_titles(client, "bricklaying", type="graduate")) == 5


def test_snippets_mark_the_words_and_escape_everything_else(client, story_index):
    StoryPageFactory(
        parent=story_index,
        title="Plastering",
        standfirst="<script>alert(1)</script> Plastering & painting, then plasterers hired him.",
    )
    soup = soup_for(client, q="plastering")
    snippet = soup.select_one(".search-results .snippet")
    assert [mark.get_text() for mark in snippet.select("mark")] == ["Plastering", "plasterers"]
    html = str(snippet)
    assert "<script>" not in html and "&lt;script&gt;" not in html  # tags stripped, never run
    assert "&amp; painting" in html
    assert snippet.find_all(True) == snippet.select("mark")  # no markup other than <mark>


def test_an_engines_snippet_can_only_carry_marks():
    dangerous = '<mark>ok</mark> <img src=x onerror="alert(1)"> &amp; <mark>unclosed'
    assert site.safe_snippet(dangerous) == (
        "<mark>ok</mark> &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; <mark>unclosed</mark>"
    )


def test_pagination_walks_every_hit_once(client, story_index, campaign_index):
    for n in range(14):
        StoryPageFactory(parent=story_index, title=f"Welding story {n}", hero_image=None)
    for n in range(4):
        LiveCampaignPageFactory(parent=campaign_index, title=f"Welding campaign {n}")
    first = soup_for(client, q="welding")
    assert first.select_one(".pagination [aria-current=page]").get_text(strip=True) == "Page 1 of 2"
    seen = result_titles(client, "welding") + result_titles(client, "welding", page=2)
    assert len(seen) == 18 and len(set(seen)) == 18
    # Types take turns, so the first page shows the best of each.
    assert sum("campaign" in title for title in result_titles(client, "welding")) == 4
    # Out of range or nonsense pages are brought back in range.
    assert result_titles(client, "welding", page=99) == result_titles(client, "welding", page=2)
    assert result_titles(client, "welding", page="x") == result_titles(client, "welding")
    stories = result_titles(client, "welding", type="story", page=2)
    assert len(stories) == 4
    link = soup_for(client, q="welding", type="story").select_one(".pagination a[rel=next]")
    assert link["href"] == "?q=welding&type=story&page=2"


def test_did_you_mean_offers_a_word_the_site_uses(client, story_index):
    StoryPageFactory(parent=story_index, title="Carpentry after prison")
    soup = soup_for(client, q="carpentyr")
    offer = soup.select_one(".did-you-mean a")
    assert offer.get_text() == "carpentry"
    assert offer["href"] == "?q=carpentry"
    assert result_titles(client, "carpentry") == ["Carpentry after prison"]
    assert soup_for(client, q="qqqqzzzz").select_one(".did-you-mean") is None
    assert soup_for(client, q="carpentry").select_one(".did-you-mean") is None


@pytest.mark.parametrize(
    "query",
    [
        "<script>alert(1)</script>",
        "a" * 5000,
        "\x00\x01",
        "' OR 1=1 --",
        '"unbalanced',
        "a AND (b OR",
        "NEAR(a b)",
        "-",
        "*",
        "∑ unicode ✓",
        "%_%",
    ],
)
def test_odd_queries_are_answered_calmly(client, home, query):
    response = client.get("/search/", {"q": query, "page": "-3", "type": "<b>"})
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


def test_empty_query_shows_the_form_only(client, home):
    soup = soup_for(client, q="")
    assert soup.select_one("form.search-form input[name=q]") is not None
    assert soup.select(".search-results") == []
    assert soup.select_one(".search-summary") is None


def test_results_page_is_not_indexed_by_crawlers(client, home):
    soup = soup_for(client, q="x")
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_a_failing_engine_gives_a_calm_message(client, home, monkeypatch):
    from search.engines.database import DatabaseEngine
    from search.engines.site_db import SiteSearchDatabaseMixin

    def broken(self, query):
        from django.db import DatabaseError

        raise DatabaseError("the database went away")

    monkeypatch.setattr(SiteSearchDatabaseMixin, "site_search", broken)
    assert DatabaseEngine.site_search is broken
    soup = soup_for(client, q="anything")
    assert "not available at the moment" in soup.select_one(".search-failed").get_text()


def test_the_query_is_cleaned_before_an_engine_sees_it():
    assert site.clean_query('"forklift" AND (driver) -night \x00 *') == "forklift AND driver night"
    assert len(site.clean_query("word " * 100)) <= site.MAX_QUERY_LENGTH
    assert site.clean_query("O'Brien's re-entry") == "O'Brien's re-entry"


def build(story_index, campaign_index, home, size):
    for n in range(size):
        StoryPageFactory(parent=story_index, title=f"Chance story {n}", hero_image=None)
        LiveCampaignPageFactory(parent=campaign_index, title=f"Chance campaign {n}")
        employer = wall_employer(f"Chance Employer {n}", "A second chance employer.")
        JobListingFactory(employer=employer, title=f"Chance job {n}")
        StandardPageFactory(parent=home, title=f"Chance page {n}", slug=f"chance-{n}")


def queries_for(client, url):
    client.get(url)  # warm: caches (restricted paths, site roots, vocabulary) filled once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


COUNTS = {}
URLS = {
    "all types": "/search/?q=chance",
    "one type": "/search/?q=chance&type=page",
    "page 2": "/search/?q=chance&page=2",
    "nothing found": "/search/?q=chanxe+qqqq",
    "suggest": "/search/suggest/?q=chan",
}


@pytest.mark.parametrize("size", [3, 25])
def test_search_stays_within_the_query_budget_whatever_the_size(
    client, story_index, campaign_index, home, size
):
    build(story_index, campaign_index, home, size)
    counts = {name: queries_for(client, url) for name, url in URLS.items()}
    over = {name: n for name, n in counts.items() if n > BUDGET}
    assert not over, f"over {BUDGET} queries: {over}"
    COUNTS[size] = counts
    print(f"\nqueries with {size} rows of each type: {counts}")
    if len(COUNTS) == 2:
        assert COUNTS[3] == COUNTS[25]


def test_the_database_engine_never_asks_a_search_server_for_pages(bricklaying, settings):
    """It is the safety net: with Wagtail's pages indexed in Elasticsearch (here unreachable), the
    database engine still finds pages, by their fields."""
    from search.engines import SiteQuery
    from search.engines.database import DatabaseEngine

    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.elasticsearch8", "URLS": ["http://127.0.0.1:9"]}
    }
    found = DatabaseEngine().site_search(SiteQuery(text="bricklaying"))
    assert found.counts == {"story": 1, "campaign": 1, "job": 1, "employer": 1, "page": 1}
    assert {hit.title for hit in found.hits} >= {"Bricklaying to site manager", "Bricklaying courses"}


def test_a_pledge_reference_leads_to_the_pledge(client, home):
    employer = wall_employer("Northern Bricks")
    pledge = employer.pledges.get()
    for typed in (pledge.reference, pledge.reference.lower()):
        soup = soup_for(client, q=typed)
        found = soup.select_one(f"[data-found-pledge='{pledge.reference}']")
        assert found, typed
        links = [a["href"] for a in found.select("a")]
        assert f"/pledges/{pledge.reference}/" in links
        assert "Northern Bricks" in found.get_text()
        assert not soup.select_one(".search-nothing")


def test_a_private_pledge_reference_finds_nothing(client, home):
    employer = wall_employer("Quiet Builders", public=False)
    soup = soup_for(client, q=employer.pledges.get().reference)
    assert not soup.select_one("[data-found-pledge]")
    assert "Quiet Builders" not in soup.get_text()
