"""What the speed work of bench/ changed must not change answers: facet counts and the index."""

import datetime

import pytest
from django.db import connection
from django.db.models import Q
from django.utils import timezone

from jobs.models import JobListing
from search.engines.base import FACET_FIELDS, JobQuery
from search.engines.database import DatabaseEngine
from tests.employers.factories import EmployerFactory, JobListingFactory, PendingEmployerFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL-only paths"),
]


@pytest.fixture
def listings():
    now = timezone.now()
    verified, pending = EmployerFactory(name="Harbour Kitchens"), PendingEmployerFactory()
    for n in range(40):
        JobListingFactory(
            employer=pending if n % 13 == 0 else verified,
            title=("Chef de partie", "Warehouse operative", "Kitchen porter")[n % 3],
            sector="FIC"[n % 3],
            region=("GB-MAN", "GB-LDS", "GB-BIR", "")[n % 4],
            remote=("on-site", "hybrid", "remote")[n % 3 - 1],
            employment_type=("full-time", "part-time", "temporary")[n % 3],
            published_at=now - datetime.timedelta(hours=7 * n),
            closing_date=(now - datetime.timedelta(days=1)).date() if n % 11 == 0 else None,
            status="published" if n % 9 else "draft",
        )


def per_facet_counts(engine, query, now):
    """The counts as the other databases get them: one query per facet."""
    base, _rank = engine._match_text(JobListing.objects.published(), query.text)

    def narrowed(leave_out=None):
        condition = Q()
        for facet in FACET_FIELDS:
            if facet != leave_out and query.selected(facet):
                condition &= Q(**{f"{facet}__in": query.selected(facet)})
        if leave_out != "posted_within" and query.posted_within:
            condition &= Q(published_at__gte=now - datetime.timedelta(days=query.posted_within))
        return base.filter(condition)

    return engine._counts(narrowed, now)


@pytest.mark.parametrize(
    "text, filters, posted_within",
    [
        ("", {}, None),
        ("chef", {}, None),
        ("harbour", {}, None),  # the employer's name
        ("warehouse", {"employment_type": ("part-time",), "remote": ("on-site", "hybrid")}, None),
        ("", {"sector": ("F", "I"), "region": ("GB-MAN",)}, 7),
        ("kitchen", {"region": ("GB-LDS",)}, 1),
        ("nothing-like-this", {}, None),
    ],
)
def test_facet_counts_in_one_pass_equal_one_query_per_facet(listings, text, filters, posted_within):
    engine, now = DatabaseEngine(), timezone.now()
    query = JobQuery(text=text, filters=filters, posted_within=posted_within)
    base, _rank = engine._match_text(JobListing.objects.published(), text)
    assert engine._counts_in_one_pass(base, query, now) == per_facet_counts(engine, query, now)


def test_a_search_costs_two_queries_on_postgresql(listings, django_assert_num_queries):
    with django_assert_num_queries(2):
        DatabaseEngine().search_jobs(JobQuery(text="chef", filters={"sector": ("F",)}))


def test_the_covering_index_holds_only_published_listings():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'jobs_joblisting_open_cover'")
        (definition,) = cursor.fetchone()
    assert "WHERE ((status)::text = 'published'::text)" in definition
    assert "INCLUDE (employer_id, closing_date, sector, region" in definition


def matching_by_reference(text, filters):
    """What a search by words must find, counted the plain way: the listing's document matches,
    or its employer's name does (each listing once), among the published listings of verified
    employers that are still open and fit every filter; by rank, then newest first."""
    tsquery = "websearch_to_tsquery('english'::regconfig, %s)"
    conditions = " ".join(f"AND j.{facet} = ANY(%s)" for facet in filters)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT j.id FROM jobs_joblisting j JOIN employers_employer e ON e.id = j.employer_id
            WHERE j.id IN (
                SELECT id FROM jobs_joblisting WHERE search_document @@ {tsquery}
                UNION
                SELECT l.id FROM jobs_joblisting l JOIN employers_employer n ON n.id = l.employer_id
                WHERE to_tsvector('english'::regconfig, n.name) @@ {tsquery}
            )
            AND j.status = 'published' AND e.status = 'verified'
            AND (j.closing_date IS NULL OR j.closing_date >= CURRENT_DATE) {conditions}
            ORDER BY ts_rank(j.search_document, {tsquery}) DESC, j.published_at DESC NULLS LAST, j.id DESC
            """,
            [text, text, *(list(values) for values in filters.values()), text],
        )
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.parametrize(
    "text, filters",
    [
        ("warehouse", {"employment_type": ("full-time",), "remote": ("on-site",)}),
        ("warehouse", {}),
        ("harbour", {"sector": ("F", "I")}),  # only the employer's name
        ("kitchen", {}),  # titles and the employer's name: each listing once
        ("quayside", {"remote": ("on-site", "hybrid")}),  # a second employer's name
        ("chef -harbour", {}),
        ("nothing-like-this", {}),
    ],
)
def test_words_find_each_matching_listing_once_in_rank_order(listings, text, filters):
    quayside = EmployerFactory(name="Quayside Warehouse Supplies")
    for n, title in enumerate(("Chef de partie", "Van driver", "Warehouse operative")):
        JobListingFactory(employer=quayside, title=title, remote=("on-site", "hybrid", "remote")[n])
    expected = matching_by_reference(text, filters)
    hits = DatabaseEngine().search_jobs(JobQuery(text=text, filters=filters, per_page=100))
    assert [job.pk for job in hits.jobs] == expected
    assert hits.total == len(expected)
    if text == "kitchen":
        assert len(expected) > 20  # the fixture's kitchen porters and every Harbour Kitchens listing


@pytest.mark.parametrize(
    "text, filters",
    [
        ("warehouse", {}),
        ("warehouse", {"remote": ("on-site",)}),
        ("kitchen", {}),  # in every description, some titles and an employer's name
        ("warehouse operative", {}),  # two words: every match is ranked
    ],
)
def test_pages_of_a_common_word_come_in_rank_order_page_after_page(listings, text, filters):
    """A word in a listing's title outranks the same word anywhere else, however often it is
    repeated in the description or place, so a page the titles fill is ranked from them alone
    (search/engines/database.py); the pages across the last title and after it must go on in
    the same order, without a listing missing or shown twice."""
    quayside = EmployerFactory(name="Quayside Warehouse Supplies")  # its name alone: rank 0
    JobListingFactory(employer=quayside, title="Van driver", remote="on-site")
    JobListingFactory(
        title="Stock controller",
        description="<p>" + "Warehouse shifts in our warehouse. " * 40 + "</p>",
        place="Warehouse Quarter",
        remote="on-site",
    )
    JobListingFactory(title="Cleaner", place="Warehouse Lane", remote="on-site")
    twice = JobListingFactory(  # the oldest, but its title says it twice: the first of all
        title="Warehouse supervisor, night warehouse",
        remote="on-site",
        published_at=timezone.now() - datetime.timedelta(days=60),
    )
    expected = matching_by_reference(text, filters)
    per_page = 4
    shown = []
    for page in range(1, len(expected) // per_page + 2):
        hits = DatabaseEngine().search_jobs(
            JobQuery(text=text, filters=filters, page=page, per_page=per_page)
        )
        assert hits.total == len(expected)
        shown += [job.pk for job in hits.jobs] if hits.page == page else []
    assert shown == expected
    if " " not in text:
        titled = [pk for pk in expected if text in JobListing.objects.get(pk=pk).title.lower()]
        assert len(titled) > per_page  # a full page from the titles, then pages past them
        assert expected[: len(titled)] == titled
        assert (expected[0] == twice.pk) == (text == "warehouse")
