"""The job-search interface (search.jobs.search) on the database engine, SQLite or PostgreSQL.

Run on PostgreSQL too: DATABASE_URL=postgres://…/helper_board pytest tests/search/test_job_search.py
"""

import datetime

import pytest
from django.db import connection
from django.http import QueryDict
from django.utils import timezone

from jobs.models import JobListing
from search.jobs import FacetOption, JobSearchResults, search
from tests.employers.factories import EmployerFactory, PendingEmployerFactory, SuspendedEmployerFactory
from tests.jobs.factories import JobListingFactory

pytestmark = pytest.mark.django_db

ON_POSTGRES = connection.vendor == "postgresql"


def titles(results):
    return [job.title for job in results.jobs]


def counts(results, facet):
    return {option.value: option.count for option in results.facets[facet]}


def selected(results, facet):
    return [option.value for option in results.facets[facet] if option.selected]


def days_ago(days, hours=0):
    return timezone.now() - datetime.timedelta(days=days, hours=hours)


@pytest.fixture
def board():
    """Six public listings across sectors, regions, types and remote options, and hidden ones."""
    bakery = EmployerFactory(name="Rise Loaves")
    builders = EmployerFactory(name="Solid Builders")
    jobs = {
        "baker": JobListingFactory(
            employer=bakery,
            title="Night baker",
            description="<p>Bake bread and rolls overnight.</p>",
            sector="C",
            region="GB-MAN",
            place="Salford",
            employment_type="full-time",
            published_at=days_ago(0, 2),
            closing_date=timezone.localdate() + datetime.timedelta(days=20),
        ),
        "counter": JobListingFactory(
            employer=bakery,
            title="Shop counter assistant",
            description="<p>Serve customers bread and cakes.</p>",
            sector="G",
            region="GB-LDS",
            place="Leeds",
            employment_type="part-time",
            published_at=days_ago(3),
            closing_date=timezone.localdate() + datetime.timedelta(days=5),
        ),
        "labourer": JobListingFactory(
            employer=builders,
            title="Site labourer",
            description="<p>Carry materials and keep the site safe.</p>",
            sector="F",
            region="GB-LDS",
            place="Wakefield Road",
            employment_type="temporary",
            published_at=days_ago(10),
        ),
        "apprentice": JobListingFactory(
            employer=builders,
            title="Bricklaying apprentice",
            description="<p>Learn bricklaying on real sites.</p>",
            sector="F",
            region="GB-BIR",
            place="Birmingham",
            employment_type="apprenticeship",
            published_at=days_ago(20),
            closing_date=timezone.localdate(),  # closes today: still open
        ),
        "planner": JobListingFactory(
            employer=builders,
            title="Site planner",
            description="<p>Plan deliveries from home.</p>",
            sector="F",
            region="GB-MAN",
            place="",
            remote="remote",
            employment_type="full-time",
            published_at=days_ago(40),
        ),
        "driver": JobListingFactory(
            employer=EmployerFactory(name="Quick Freight"),
            title="Delivery driver",
            description="<p>Deliver bread to shops in the morning.</p>",
            sector="H",
            region="GB-MAN",
            place="Manchester",
            remote="hybrid",
            employment_type="part-time",
            published_at=days_ago(5),
        ),
    }
    # Never shown: other states, unverified employers, closing date passed.
    for status in ("draft", "pending", "rejected", "closed", "expired"):
        JobListingFactory(title=f"Hidden {status} baker", status=status)
    JobListingFactory(title="Hidden pending-employer baker", employer=PendingEmployerFactory())
    JobListingFactory(title="Hidden suspended-employer baker", employer=SuspendedEmployerFactory())
    JobListingFactory(
        title="Hidden closed-yesterday baker", closing_date=timezone.localdate() - datetime.timedelta(days=1)
    )
    return jobs


# Visibility ------------------------------------------------------------------------------------


def test_only_published_jobs_of_verified_employers_before_closing_are_found(board):
    results = search()
    assert isinstance(results, JobSearchResults)
    assert results.total == 6
    assert set(titles(results)) == {job.title for job in board.values()}
    assert not any(title.startswith("Hidden") for title in titles(search("baker", per_page=50)))
    assert search("hidden").total == 0
    assert results.total == JobListing.objects.published().count()


def test_jobs_come_with_their_employer_selected(board, django_assert_num_queries):
    results = search()
    with django_assert_num_queries(0):
        assert {job.employer.name for job in results.jobs} == {
            "Rise Loaves",
            "Solid Builders",
            "Quick Freight",
        }


# Words -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, expected",
    [
        ("baker", {"Night baker"}),  # title
        ("bricklaying", {"Bricklaying apprentice"}),  # title and description
        ("customers", {"Shop counter assistant"}),  # description only
        ("Solid Builders", {"Site labourer", "Bricklaying apprentice", "Site planner"}),  # employer
        ("Salford", {"Night baker"}),  # place
        ("bread", {"Night baker", "Shop counter assistant", "Delivery driver"}),
        ("bread Leeds", {"Shop counter assistant"}),  # every word must match
        ("submarine", set()),
    ],
)
def test_words_match_title_description_employer_and_place(board, query, expected):
    results = search(query)
    assert set(titles(results)) == expected
    assert results.total == len(expected)
    assert results.query == query


@pytest.mark.parametrize(
    "query", ['"bread', "bread (", "-", "'", "bread & | !", "a\x00b", "%", "_", "x" * 500]
)
def test_odd_input_in_the_query_never_fails(board, query):
    results = search(query)
    assert results.total >= 0
    assert len(results.query) <= 200


# Filters ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({"sector": "F"}, {"Site labourer", "Bricklaying apprentice", "Site planner"}),
        ({"sector": ["C", "G"]}, {"Night baker", "Shop counter assistant"}),
        ({"region": "GB-LDS"}, {"Shop counter assistant", "Site labourer"}),
        (
            {"region": ["GB-LDS", "GB-BIR"]},
            {"Shop counter assistant", "Site labourer", "Bricklaying apprentice"},
        ),
        ({"employment_type": "part-time"}, {"Shop counter assistant", "Delivery driver"}),
        ({"employment_type": ["temporary", "apprenticeship"]}, {"Site labourer", "Bricklaying apprentice"}),
        ({"remote": "remote"}, {"Site planner"}),
        ({"remote": ["remote", "hybrid"]}, {"Site planner", "Delivery driver"}),
        ({"posted_within": 1}, {"Night baker"}),
        ({"posted_within": "7"}, {"Night baker", "Shop counter assistant", "Delivery driver"}),
        (
            {"posted_within": 30},
            {
                "Night baker",
                "Shop counter assistant",
                "Delivery driver",
                "Site labourer",
                "Bricklaying apprentice",
            },
        ),
        ({"sector": "F", "region": "GB-MAN"}, {"Site planner"}),  # filters combine with AND
    ],
)
def test_each_filter(board, filters, expected):
    results = search(filters=filters)
    assert set(titles(results)) == expected
    assert results.total == len(expected)


def test_filters_and_words_combine(board):
    assert titles(search("bread", {"region": "GB-MAN"})) in (
        ["Night baker", "Delivery driver"],
        ["Delivery driver", "Night baker"],
    )
    assert titles(search("site", {"sector": "F", "posted_within": 30})) == [
        "Site labourer",
        "Bricklaying apprentice",
    ]


def test_filters_can_come_from_the_query_string(board):
    params = QueryDict("sector=F&sector=H&region=GB-MAN&posted_within=30&utm_source=x")
    results = search(filters=params)
    assert titles(results) == ["Delivery driver"]
    assert results.filters == {"sector": ("F", "H"), "region": ("GB-MAN",), "posted_within": (30,)}


@pytest.mark.parametrize(
    "filters",
    [
        {"sector": "ZZ"},
        {"sector": ["", "f"]},
        {"region": "XX-NOPE"},
        {"region": "GB-NOPE"},
        {"employment_type": "forever"},
        {"remote": "moon"},
        {"posted_within": "3"},
        {"posted_within": "-1"},
        {"posted_within": "seven"},
        {"colour": "blue"},
        None,
        {},
    ],
)
def test_invalid_filter_values_are_ignored(board, filters):
    results = search(filters=filters)
    assert results.total == 6
    assert results.filters == {}


def test_a_valid_value_beside_an_invalid_one_still_applies(board):
    results = search(filters={"sector": ["ZZ", "C"], "posted_within": ["2", "1"]})
    assert titles(results) == ["Night baker"]
    assert results.filters == {"sector": ("C",), "posted_within": (1,)}


# Facets ----------------------------------------------------------------------------------------


def test_facet_counts_without_filters(board):
    results = search()
    assert counts(results, "sector") == {"F": 3, "C": 1, "G": 1, "H": 1}
    assert counts(results, "region") == {"GB-MAN": 3, "GB-LDS": 2, "GB-BIR": 1}
    assert counts(results, "employment_type") == {
        "full-time": 2,
        "part-time": 2,
        "temporary": 1,
        "apprenticeship": 1,
    }
    assert counts(results, "remote") == {"on-site": 4, "hybrid": 1, "remote": 1}
    assert counts(results, "posted_within") == {1: 1, 7: 3, 30: 5}
    # Labels are the readable names; the biggest sector first
    sector = results.facets["sector"][0]
    assert sector == FacetOption("F", "Construction", 3, False)
    assert ("GB-LDS", "Leeds") in [(option.value, option.label) for option in results.facets["region"]]
    # Short lists keep their declared order
    assert [option.value for option in results.facets["remote"]] == ["on-site", "hybrid", "remote"]


def test_facet_counts_leave_out_their_own_selection(board):
    results = search(filters={"sector": "F"})
    # The sector facet still counts every sector (its own selection left out) …
    assert counts(results, "sector") == {"F": 3, "C": 1, "G": 1, "H": 1}
    assert selected(results, "sector") == ["F"]
    # … while every other facet counts only construction jobs.
    assert counts(results, "region") == {"GB-MAN": 1, "GB-LDS": 1, "GB-BIR": 1}
    assert counts(results, "employment_type") == {"full-time": 1, "temporary": 1, "apprenticeship": 1}
    assert counts(results, "remote") == {"on-site": 2, "remote": 1}
    assert counts(results, "posted_within") == {1: 0, 7: 0, 30: 2}

    results = search(filters={"sector": "F", "region": ["GB-LDS", "GB-MAN"], "posted_within": 30})
    assert titles(results) == ["Site labourer"]
    assert counts(results, "sector") == {"F": 1, "C": 1, "G": 1, "H": 1}  # region and date, not sector
    # sector and date, not region; Manchester has no such job but stays shown, being selected
    assert counts(results, "region") == {"GB-LDS": 1, "GB-BIR": 1, "GB-MAN": 0}
    assert selected(results, "region") == ["GB-LDS", "GB-MAN"]
    assert counts(results, "posted_within") == {1: 0, 7: 0, 30: 1}  # sector and region, not date
    assert selected(results, "posted_within") == [30]


def test_selected_values_with_no_jobs_stay_visible_with_zero(board):
    results = search(filters={"sector": "A"})
    assert results.total == 0
    assert FacetOption("A", "Agriculture, forestry and fishing", 0, True) in results.facets["sector"]
    assert counts(results, "region") == {}


def test_facet_counts_follow_the_words(board):
    results = search("bread")
    assert counts(results, "sector") == {"C": 1, "G": 1, "H": 1}
    assert counts(results, "region") == {"GB-MAN": 2, "GB-LDS": 1}


# Sorting ---------------------------------------------------------------------------------------


def test_newest_first(board):
    assert titles(search(sort="newest")) == [
        "Night baker",
        "Shop counter assistant",
        "Delivery driver",
        "Site labourer",
        "Bricklaying apprentice",
        "Site planner",
    ]


def test_without_words_relevance_means_newest(board):
    assert titles(search(sort="relevance")) == titles(search(sort="newest"))
    assert titles(search(sort="nonsense")) == titles(search(sort="newest"))
    assert search(sort="nonsense").sort == "relevance"


def test_closing_soon_puts_listings_without_a_closing_date_last(board):
    assert titles(search(sort="closing_soon")) == [
        "Bricklaying apprentice",  # today
        "Shop counter assistant",  # in 5 days
        "Night baker",  # in 20 days
        # no closing date: newest first
        "Delivery driver",
        "Site labourer",
        "Site planner",
    ]


@pytest.mark.skipif(not ON_POSTGRES, reason="ranking needs PostgreSQL full-text search")
def test_relevance_ranks_title_matches_above_description_matches(board):
    JobListingFactory(
        title="Warehouse operative",
        description="<p>Some delivery work, and a lot of warehouse work.</p>",
        published_at=days_ago(0, 1),
    )
    results = search("delivery driver")
    assert titles(results)[0] == "Delivery driver"
    results = search("delivery")
    assert titles(results)[0] == "Delivery driver"  # title beats a newer description mention
    assert set(titles(results)) == {"Delivery driver", "Warehouse operative", "Site planner"}


@pytest.mark.skipif(not ON_POSTGRES, reason="stemming needs PostgreSQL full-text search")
def test_postgres_understands_word_forms_and_web_search_syntax(board):
    assert "Night baker" in titles(search("bakers"))
    assert set(titles(search("bread -leeds"))) == {"Night baker", "Delivery driver"}
    assert set(titles(search("labourer or planner"))) == {"Site labourer", "Site planner"}


@pytest.mark.skipif(ON_POSTGRES, reason="on SQLite relevance falls back to the newest first")
def test_sqlite_relevance_falls_back_to_newest(board):
    assert titles(search("bread")) == ["Night baker", "Shop counter assistant", "Delivery driver"]


# Pagination ------------------------------------------------------------------------------------


def test_pages(board):
    first = search(sort="newest", per_page=4)
    assert (first.page, first.num_pages, first.total, len(first.jobs)) == (1, 2, 6, 4)
    assert first.has_next() and not first.has_previous()
    second = search(sort="newest", per_page=4, page=2)
    assert titles(second) == ["Bricklaying apprentice", "Site planner"]
    assert second.has_previous() and not second.has_next()
    assert (second.start_index, second.end_index) == (5, 6)


@pytest.mark.parametrize("sort", ["newest", "closing_soon"])
def test_pages_follow_one_order_to_the_last(board, sort):
    """A page is chosen by its ids first (a deep page reads an index, not the rows): page after
    page gives every listing once, in the order of a single list, listings at the same moment too."""
    same_moment = days_ago(3)
    for n in range(5):
        JobListingFactory(employer=board["baker"].employer, title=f"Porter {n}", published_at=same_moment)
    everything = titles(search(sort=sort, per_page=100))
    paged = [title for page in range(1, 7) for title in titles(search(sort=sort, per_page=2, page=page))]
    assert paged == everything and len(everything) == 11


@pytest.mark.skipif(not ON_POSTGRES, reason="the counts are kept in the cache on PostgreSQL only")
def test_kept_counts_change_as_soon_as_a_listing_does(board):
    before = search()
    assert search().total == before.total  # counted once, then kept
    JobListingFactory(employer=board["baker"].employer, title="Second baker", sector="C")
    after = search()
    assert after.total == before.total + 1
    assert counts(after, "sector")["C"] == counts(before, "sector")["C"] + 1
    board["counter"].delete()
    assert search().total == before.total


@pytest.mark.parametrize("page, shown", [("abc", 1), (0, 1), (-3, 1), ("2", 2), (99, 2), (None, 1)])
def test_out_of_range_or_odd_pages_are_brought_back(board, page, shown):
    assert search(per_page=4, page=page).page == shown


def test_no_results_is_one_empty_page(db):
    results = search("anything")
    assert (results.total, results.page, results.num_pages, results.jobs) == (0, 1, 1, [])


def test_the_search_as_a_query_string(board):
    results = search("bread", {"region": ["GB-MAN", "GB-LDS"], "posted_within": 7}, sort="newest")
    assert results.filter_query == "q=bread&region=GB-MAN&region=GB-LDS&posted_within=7&sort=newest"
