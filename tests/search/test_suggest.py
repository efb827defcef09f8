"""The search box's suggestions: /search/suggest/?q= (JSON) and search.site.suggest."""

import pytest

from search import site
from tests.campaigns.factories import LiveCampaignPageFactory
from tests.employers.factories import EmployerFactory, HiringPledgeFactory, JobListingFactory
from tests.stories.factories import DraftStoryPageFactory, StoryPageFactory


def suggestions_for(client, query):
    response = client.get("/search/suggest/", {"q": query})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


@pytest.fixture
def forklift(story_index, campaign_index):
    StoryPageFactory(parent=story_index, title="Forklift licence, then a job", hero_image=None)
    StoryPageFactory(parent=story_index, title="Learning to drive a forklift", hero_image=None)
    DraftStoryPageFactory(parent=story_index, title="Forklift draft", hero_image=None)
    LiveCampaignPageFactory(parent=campaign_index, title="Forklifts for freedom")
    employer = EmployerFactory(name="Forklift Hire Co")
    HiringPledgeFactory(employer=employer)
    job = JobListingFactory(employer=employer, title="Forklift driver")
    return job


def test_answers_labels_addresses_and_types(client, forklift):
    data = suggestions_for(client, "fork")
    assert data["query"] == "fork"
    by_label = {each["label"]: each for each in data["suggestions"]}
    assert set(by_label) == {
        "Forklift licence, then a job",
        "Learning to drive a forklift",
        "Forklifts for freedom",
        "Forklift Hire Co",
        "Forklift driver",
    }
    assert by_label["Forklift driver"] == {
        "label": "Forklift driver",
        "url": forklift.get_absolute_url(),
        "type": "job",
        "detail": "Forklift Hire Co, Manchester",
    }
    assert by_label["Forklift Hire Co"]["type"] == "employer"
    assert by_label["Forklifts for freedom"]["type"] == "campaign"
    assert by_label["Learning to drive a forklift"]["type"] == "story"
    # A title that starts with the words comes before one that only contains them.
    assert data["suggestions"][-1]["label"] == "Learning to drive a forklift"
    for each in data["suggestions"]:
        assert client.get(each["url"]).status_code == 200


def test_matches_the_start_of_a_word_only(client, forklift):
    assert suggestions_for(client, "orklift")["suggestions"] == []
    assert [each["label"] for each in suggestions_for(client, "drive")["suggestions"]] == [
        "Forklift driver",
        "Learning to drive a forklift",
    ]


def test_blank_and_one_character_queries_get_no_suggestions(client, forklift):
    for query in ("", " ", "f", "  f  "):
        assert suggestions_for(client, query)["suggestions"] == []


def test_at_most_eight_suggestions(client, story_index):
    for n in range(12):
        StoryPageFactory(parent=story_index, title=f"Welding story {n}", hero_image=None)
    assert len(suggestions_for(client, "weld")["suggestions"]) == 8
    assert len(site.suggest("weld", limit=3)) == 3
    assert len(site.suggest("weld", limit=500)) == site.MAX_SUGGESTIONS


def test_answers_are_briefly_cacheable(client, home):
    response = client.get("/search/suggest/", {"q": "anything"})
    assert "max-age=60" in response["Cache-Control"]


@pytest.mark.parametrize(
    "query", ["\x00\x00", "%%", "__", "<script>", '"fork', "fork)", "' OR 1=1 --", "∑✓", "x" * 10_000]
)
def test_odd_input_never_fails(client, forklift, query):
    data = suggestions_for(client, query)
    assert isinstance(data["suggestions"], list)
    assert "<" not in data["query"]


def test_wildcards_are_taken_literally(forklift):
    from search.engines.database import DatabaseEngine

    assert DatabaseEngine().suggest("f%k") == []
    assert DatabaseEngine().suggest("fork_") == []


def test_only_get_and_head(client, home):
    assert client.post("/search/suggest/", {"q": "fork"}).status_code == 405


def test_a_pledge_reference_is_suggested_first(client, home):
    employer = EmployerFactory(name="Northern Bricks")
    pledge = HiringPledgeFactory(employer=employer)
    first = suggestions_for(client, pledge.reference.lower())["suggestions"][0]
    assert first == {
        "label": pledge.reference,
        "url": f"/pledges/{pledge.reference}/",
        "type": "pledge",
        "detail": "Northern Bricks",
    }


def test_alike_jobs_are_told_apart_and_never_repeated(client, db):
    """Eight "Commis chef" listings: one entry per employer and place, each saying which."""
    kitchens = []
    for name, place in (("Harbour Kitchen", "Leeds"), ("Hilltop Hotel", "York"), ("Quay Bistro", "Hull")):
        employer = EmployerFactory(name=name)
        kitchens.append((employer, place))
    for n in range(8):
        employer, place = kitchens[n % 3]
        JobListingFactory(employer=employer, title="Commis chef", place=place)
    suggestions = suggestions_for(client, "chef")["suggestions"]
    chefs = [each for each in suggestions if each["label"] == "Commis chef"]
    details = [each["detail"] for each in chefs]
    assert sorted(details) == ["Harbour Kitchen, Leeds", "Hilltop Hotel, York", "Quay Bistro, Hull"]
    pairs = [(each["label"], each["detail"]) for each in suggestions]
    assert len(pairs) == len(set(pairs)), "no two entries alike"
    for each in chefs:
        assert client.get(each["url"]).status_code == 200
