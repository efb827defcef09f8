"""Reading Elasticsearch's answers into what every engine returns (JobHits, SiteHits, JobRow).

The bodies below have the shape Elasticsearch 8 and 9 answer with for the requests of
test_es_queries.py; no server is needed to check how the engine reads them.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from elasticsearch.dsl.faceted_search import FacetedResponse
from elasticsearch.dsl.response import Response

from matching.places import place_regions
from matching.scoring import _preference_hits, score_of
from partners.models import Graduate
from search.engines.base import JobQuery, SiteQuery, Suggestion
from search.engines.elasticsearch import matching
from search.engines.elasticsearch.jobs import build_job_search, job_hits_of
from search.engines.elasticsearch.site import build_site_search, build_suggest, site_hits_of, suggestions_of
from tests.employers.factories import DraftJobFactory, JobListingFactory

pytestmark = pytest.mark.django_db


def job_hit(pk, score=1.0):
    return {"_index": "portal_jobs_20260101", "_id": str(pk), "_score": score}


def buckets(**counts):
    return {"buckets": [{"key": key.replace("_", "-"), "doc_count": n} for key, n in counts.items()]}


def job_search_body(ids, total):
    return {
        "hits": {"total": {"value": total, "relation": "eq"}, "hits": [job_hit(pk) for pk in ids]},
        "aggregations": {
            "_filter_sector": {"doc_count": total, "sector": buckets(I=2, F=1)},
            "_filter_region": {
                "doc_count": total,
                "region": {"buckets": [{"key": "GB-MAN", "doc_count": 3}]},
            },
            "_filter_employment_type": {"doc_count": total, "employment_type": buckets(full_time=3)},
            "_filter_remote": {"doc_count": total, "remote": buckets(on_site=2, remote=1)},
            "_filter_language": {
                "doc_count": total,
                "language": {"buckets": [{"key": "en-gb", "doc_count": 2}, {"key": "fr", "doc_count": 1}]},
            },
            "_filter_posted_within": {
                "doc_count": 5,
                "posted_within": {
                    "buckets": {
                        "1": {"doc_count": 1},
                        "7": {"doc_count": 2},
                        "30": {"doc_count": 3},
                        "any": {"doc_count": 5},
                    }
                },
            },
        },
    }


def faceted_response(query, body):
    search = build_job_search(query)
    response = FacetedResponse(search._s, body)
    response._faceted_search = search  # as FacetedSearch.execute() does
    return response


def test_job_hits_keep_the_engine_order_and_the_database_engine_s_count_shapes():
    older, newer = JobListingFactory(title="Older"), JobListingFactory(title="Newer")
    withdrawn = DraftJobFactory(title="Withdrawn a moment ago")
    body = job_search_body([older.pk, withdrawn.pk, newer.pk], total=3)

    with CaptureQueriesContext(connection) as queries:
        hits = job_hits_of(faceted_response(JobQuery(text="x", filters={"sector": ("I",)}), body), page=1)
        names = [job.employer.name for job in hits.jobs]

    assert [job.title for job in hits.jobs] == ["Older", "Newer"]  # the engine's order; drafts never shown
    assert names == [older.employer.name, newer.employer.name]
    assert len(queries) == 1  # the listings with their employers
    assert hits.total == 3 and hits.page == 1
    assert hits.counts == {
        "sector": {"I": 2, "F": 1},
        "region": {"GB-MAN": 3},
        "employment_type": {"full-time": 3},
        "remote": {"on-site": 2, "remote": 1},
        "language": {"en-gb": 2, "fr": 1},
        "posted_within": {1: 1, 7: 2, 30: 3, "any": 5},
    }


SITE_BODY = {
    "hits": {
        "total": {"value": 2, "relation": "eq"},
        "hits": [
            {
                "_index": "portal_stories_20260101",
                "_id": "41",
                "_score": 3.2,
                "_source": {
                    "type": "story",
                    "title": "A <second> start",
                    "summary": "Work & hope",
                    "url": "/stories/a-second-start/",
                    "date": "2026-01-02T10:00:00+00:00",
                },
                "highlight": {"body": ["gave me a <mark>second</mark> &lt;chance&gt;"]},
            },
            {
                "_index": "portal_campaigns_20260101",
                "_id": "7",
                "_score": 1.1,
                "_source": {
                    "type": "campaign",
                    "title": "Second chance month",
                    "summary": "Fish & <chips> " + "word " * 60,
                    "url": "/campaigns/second-chance-month/",
                    "date": "2026-03-01",
                },
            },
        ],
    },
    "aggregations": {
        "types": {"buckets": [{"key": "story", "doc_count": 1}, {"key": "campaign", "doc_count": 1}]}
    },
    "suggest": {"did_you_mean": [{"text": "second", "offset": 0, "length": 6, "options": []}]},
}


def site_response(query, body):
    return Response(build_site_search(query), body)


def test_site_hits_carry_highlighted_or_escaped_snippets_and_counts_of_every_type():
    query = SiteQuery(text="second")

    hits = site_hits_of(site_response(query, SITE_BODY), query, page=1)

    story, campaign = hits.hits
    assert (story.type, story.title, story.url) == ("story", "A <second> start", "/stories/a-second-start/")
    assert story.snippet == "gave me a <mark>second</mark> &lt;chance&gt;"
    assert story.date == datetime.datetime(2026, 1, 2, 10, tzinfo=datetime.UTC)
    assert campaign.snippet.startswith("Fish &amp; &lt;chips&gt; word")
    assert len(campaign.snippet) < 200  # a snippet, not the whole summary
    assert campaign.date == datetime.date(2026, 3, 1)
    assert hits.counts == {"story": 1, "campaign": 1, "job": 0, "employer": 0, "page": 0}
    assert (hits.total, hits.page, hits.suggestion) == (2, 1, "")


def test_did_you_mean_is_offered_only_when_nothing_was_found():
    nothing = {
        "hits": {"total": {"value": 0, "relation": "eq"}, "hits": []},
        "aggregations": {"types": {"buckets": []}},
        "suggest": {
            "did_you_mean": [
                {
                    "text": "secnd chanse",
                    "offset": 0,
                    "length": 12,
                    "options": [{"text": "second chance", "score": 0.2}],
                }
            ]
        },
    }
    query = SiteQuery(text="secnd chanse")

    assert site_hits_of(site_response(query, nothing), query, page=1).suggestion == "second chance"
    typed = SiteQuery(text="secnd chanse", type="job")
    assert site_hits_of(site_response(typed, nothing), typed, page=1).suggestion == ""
    found = {**nothing, "hits": SITE_BODY["hits"]}
    assert site_hits_of(site_response(query, found), query, page=1).suggestion == ""


def test_suggestions_are_titles_with_their_address_and_type():
    body = {
        "hits": {
            "total": {"value": 2, "relation": "eq"},
            "hits": [
                {
                    "_index": "portal_jobs_1",
                    "_id": "5",
                    "_score": 2.0,
                    "_source": {"type": "job", "title": "Forklift driver", "url": "/jobs/5-forklift-driver/"},
                },
                {
                    "_index": "portal_employers_1",
                    "_id": "3",
                    "_score": 1.0,
                    "_source": {
                        "type": "employer",
                        "title": "Forward Foods",
                        "url": "/employers/forward-foods/",
                    },
                },
            ],
        }
    }

    assert suggestions_of(Response(build_suggest("fo", 8), body)) == [
        Suggestion("Forklift driver", "/jobs/5-forklift-driver/", "job"),
        Suggestion("Forward Foods", "/employers/forward-foods/", "employer"),
    ]


def test_ranking_rows_count_shared_skills_so_the_matching_module_scores_them_as_the_server_ordered():
    graduate = Graduate(
        preferred_regions=["GB-MAN"], preferred_sectors=["F"], available_from=datetime.date(2026, 2, 1)
    )
    regions = place_regions(graduate)
    skills, certifications = {1, 2}, {9}
    tie = matching.tie_break_weight()
    # Two jobs, then the server's score for each (matching score + base weight + tie-break).
    sources = [
        {
            "pk": 11,
            "sector": "F",
            "employment_type": "full-time",
            "start_date": "2026-03-01",
            "region": "GB-MAN",
            "published_at": "2026-01-10T09:00:00.123456+00:00",
            "required_skill_ids": [1, 5],
            "preferred_skill_ids": [2],
            "preferred_certification_ids": [9],
        },
        {
            "pk": 12,
            "sector": "I",
            "employment_type": "part-time",
            "start_date": "2026-01-20",
            "region": "GB-SLF",
            "published_at": "2026-01-12T09:00:00+00:00",
            "required_skill_ids": [1, 2],
        },
    ]
    body = {
        "hits": {
            "total": {"value": 2, "relation": "eq"},
            "hits": [
                {"_index": "portal_jobs_1", "_id": str(source["pk"]), "_score": None, "_source": source}
                for source in sources
            ],
        }
    }

    rows = matching.rows_of(
        Response(matching.build_job_ranking(graduate, regions, skills, certifications, 20), body),
        skills,
        certifications,
    )

    first, second = rows
    assert (first.pk, first.req_skills, first.pref_skills, first.req_certs, first.pref_certs) == (
        11,
        1,
        1,
        0,
        1,
    )
    assert first.start_date == datetime.date(2026, 3, 1)
    assert first.published_at == datetime.datetime(2026, 1, 10, 9, 0, 0, 123456, tzinfo=datetime.UTC)
    assert (second.pk, second.req_skills, second.pref_skills) == (12, 2, 0)
    scores = [
        score_of(
            row.req_skills,
            row.pref_skills,
            row.req_certs,
            row.pref_certs,
            _preference_hits(graduate, row, regions),
        )
        for row in rows
    ]
    # 3 + 1 + 1 (skills, certification) + 2 (sector) + 1 (starts after) + 1 (same region)
    assert scores == [9.0, 6.0]
    server_scores = [1.0 + score + tie * row.req_skills for score, row in zip(scores, rows, strict=True)]
    assert server_scores == sorted(server_scores, reverse=True)
