"""Each address of the open data API: what it lists, what it hides, and that it keeps to its schema."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from impact.figures import public_figures
from tests.api.conftest import assert_conforms
from tests.employers.factories import JobListingFactory
from tests.stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

SPEC_JOBS, SPEC_JOB = "/api/v1/jobs", "/api/v1/jobs/{job_id}"
SPEC_EMPLOYERS, SPEC_EMPLOYER = "/api/v1/employers", "/api/v1/employers/{slug}"


def titles(response, key="title"):
    return {item[key] for item in response.json()["results"]}


def test_the_index_links_every_list_the_docs_and_the_document(client, openapi):
    response = client.get("/api/v1/")
    assert_conforms(openapi, "/api/v1/", response)
    body = response.json()
    assert body["openapi"] == "http://testserver/api/v1/openapi.json"
    assert body["docs"] == "http://testserver/api/v1/docs"
    for name, url in body["endpoints"].items():
        assert client.get(url).status_code == 200, name


def test_jobs_lists_only_what_the_board_shows(client, openapi, board):
    JobListingFactory(
        employer=board["employer"],
        title="Hidden past closing",
        closing_date=timezone.localdate() - datetime.timedelta(days=1),
    )
    response = client.get("/api/v1/jobs")
    assert_conforms(openapi, SPEC_JOBS, response)
    assert titles(response) == {"Trainee bricklayer", "Site labourer", "Kitchen porter"}
    assert response.json()["count"] == 3
    board_page = client.get("/jobs/").content.decode()
    assert all(title in board_page for title in titles(response))


def test_job_filters_are_the_boards(client, openapi, board):
    construction = client.get("/api/v1/jobs", {"sector": "F"})
    assert titles(construction) == {"Trainee bricklayer", "Site labourer"}
    either_region = client.get("/api/v1/jobs", {"region": ["GB-MAN", "GB-LDS"], "sector": "F"})
    assert titles(either_region) == {"Trainee bricklayer", "Site labourer"}
    manchester_building = client.get("/api/v1/jobs?sector=F&region=GB-MAN")
    assert titles(manchester_building) == {"Trainee bricklayer"}
    words = client.get("/api/v1/jobs", {"q": "bricklayer"})
    assert titles(words) == {"Trainee bricklayer"}
    assert client.get("/api/v1/jobs", {"posted_within": "1"}).json()["count"] == 3
    # Facet counts follow the board's multi-select rule: a sector's own choice leaves its counts.
    facets = construction.json()["facets"]
    assert {option["value"]: option["count"] for option in facets["sector"]} == {"F": 2, "I": 1}
    assert_conforms(openapi, SPEC_JOBS, manchester_building)


def test_jobs_sort_newest_first(client, board):
    older = board["jobs"][0]
    older.published_at = timezone.now() - datetime.timedelta(days=3)
    older.save()
    results = client.get("/api/v1/jobs", {"sort": "newest"}).json()["results"]
    assert results[-1]["title"] == "Trainee bricklayer"


def test_job_detail_says_what_the_job_page_says_and_no_more(client, openapi, board):
    job = board["jobs"][0]
    job.apply_method, job.apply_email = "email", "jobs@bricks.example.org"
    job.requires_driving = True
    job.save()
    response = client.get(f"/api/v1/jobs/{job.pk}")
    assert_conforms(openapi, SPEC_JOB, response)
    body = response.json()
    assert body["title"] == "Trainee bricklayer"
    assert body["skills"] == [{"name": "Bricklaying", "required": True}]
    assert body["declared_requirements"] == ["Driving"]
    assert body["employer"]["api_url"] == f"http://testserver/api/v1/employers/{board['employer'].slug}"
    # Applying by e-mail: the API points to the job's page, it does not hand out the address.
    assert body["apply_url"] == f"http://testserver{job.get_absolute_url()}"
    assert "jobs@bricks.example.org" not in response.content.decode()


def test_hidden_jobs_answer_404(client, openapi, board):
    for job in board["hidden_jobs"]:
        response = client.get(f"/api/v1/jobs/{job.pk}")
        assert response.status_code == 404, job.title
        assert_conforms(openapi, SPEC_JOB, response)
    listed = client.get("/api/v1/jobs", {"page_size": 100}).content.decode()
    assert "Hidden" not in listed
    assert client.get("/api/v1/jobs/999999").status_code == 404


def test_employers_are_the_pledge_wall(client, openapi, board):
    response = client.get("/api/v1/employers")
    assert_conforms(openapi, SPEC_EMPLOYERS, response)
    assert titles(response, "name") == {"Bricks and Mortar Ltd"}
    pledge = response.json()["results"][0]["pledge"]
    assert pledge["reference"] == board["pledge"].reference
    assert pledge["verification_url"] == f"http://testserver/pledges/{board['pledge'].reference}/"
    assert pledge["commitments"], "the pledge's commitments are public"
    assert titles(client.get("/api/v1/employers", {"sector": "I"}), "name") == {"Bricks and Mortar Ltd"}
    assert titles(client.get("/api/v1/employers", {"sector": "F"}), "name") == set()
    assert titles(client.get("/api/v1/employers", {"q": "mortar"}), "name") == {"Bricks and Mortar Ltd"}
    assert titles(client.get("/api/v1/employers", {"region": "GB-LDS"}), "name") == set()


def test_employer_detail_only_for_the_wall(client, openapi, board):
    employer = board["employer"]
    response = client.get(f"/api/v1/employers/{employer.slug}")
    assert_conforms(openapi, SPEC_EMPLOYER, response)
    assert response.json()["name"] == employer.name
    for hidden in [*board["hidden_employers"]]:
        response = client.get(f"/api/v1/employers/{hidden.slug}")
        assert response.status_code == 404, hidden.name
        assert_conforms(openapi, SPEC_EMPLOYER, response)
    board["pledge"].withdraw(by=board["owner"], reason="Changed our mind")
    assert client.get(f"/api/v1/employers/{employer.slug}").status_code == 404
    assert client.get("/api/v1/employers").json()["count"] == 0


def test_stories_are_live_and_public_only(client, openapi, pages, story_index):
    hidden = StoryPageFactory(parent=story_index, title="Behind a login")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/api/v1/stories")
    assert_conforms(openapi, "/api/v1/stories", response)
    assert titles(response) == {"Maria's new trade"}
    story = response.json()["results"][0]
    assert story["url"] == f"http://testserver{pages['story'].url}"
    assert story["themes"] == [{"name": "Work", "slug": "work"}]
    assert client.get(story["url"]).status_code == 200
    assert titles(client.get("/api/v1/stories", {"theme": "work"})) == {"Maria's new trade"}
    assert titles(client.get("/api/v1/stories", {"theme": "housing"})) == set()
    assert titles(client.get("/api/v1/stories", {"region": "GB-LDS"})) == set()


def test_campaigns_with_confirmed_supporters(client, openapi, pages):
    response = client.get("/api/v1/campaigns")
    assert_conforms(openapi, "/api/v1/campaigns", response)
    (campaign,) = response.json()["results"]
    assert (campaign["title"], campaign["phase"], campaign["confirmed_supporters"]) == (
        "Give work a chance",
        "live",
        3,
    )
    assert client.get(campaign["url"]).status_code == 200
    pages["campaign"].unpublish()
    assert client.get("/api/v1/campaigns").json()["count"] == 0


def test_impact_is_the_public_figures(client, openapi, board, pages):
    response = client.get("/api/v1/impact")
    assert_conforms(openapi, "/api/v1/impact", response)
    body = response.json()
    expected = public_figures()
    assert [figure["key"] for figure in body["headline"]] == [f["key"] for f in expected["headline"]]
    assert body["splits"].keys() == expected["splits"].keys()
    for figures in body["splits"].values():
        for figure in figures:
            # Small counts are hidden: no person can be singled out.
            assert figure["count"] is None or figure["count"] >= 5
