"""The Elasticsearch engine's request bodies, compared with the bodies we mean to send.

No server runs here: each public operation's body is built by its `build_*` function and its
`to_dict()` compared with the expected request, so a change in what the engine asks the server
is a visible, reviewed change. The contract suite (tests/contract/) checks the answers whenever
ELASTICSEARCH_URL points at a server.
"""

import datetime

import pytest

from jobs.models import JobListing
from matching.places import place_regions
from partners.models import Graduate
from portal.regions import regions_under
from search.engines.base import JobQuery, SiteQuery
from search.engines.elasticsearch import matching
from search.engines.elasticsearch.jobs import build_job_search
from search.engines.elasticsearch.site import build_site_search, build_suggest

TODAY = datetime.date(2026, 1, 15)
OPEN = {
    "bool": {
        "should": [
            {"bool": {"must_not": [{"exists": {"field": "closing_date"}}]}},
            {"range": {"closing_date": {"gte": "2026-01-15"}}},
        ]
    }
}
NEWEST = [{"published_at": {"order": "desc", "missing": "_last"}}, {"pk": {"order": "desc"}}]
JOB_FIELDS = ["title^3", "employer_name^2", "place", "description", "skill_names"]


def window(days):
    return {"range": {"published_at": {"gte": f"now-{days}d"}}}


POSTED_WITHIN_AGG = {
    "filters": {"filters": {"1": window(1), "7": window(7), "30": window(30), "any": {"match_all": {}}}}
}


def terms_agg(field):
    return {"terms": {"field": field, "size": 1000}}


def facet_aggs(filters_by_facet):
    """Each facet's aggregation under a filter of the other facets' selections."""
    aggs = {}
    for name, agg in [
        ("sector", terms_agg("sector")),
        ("region", terms_agg("region")),
        ("employment_type", terms_agg("employment_type")),
        ("remote", terms_agg("remote")),
        ("language", terms_agg("language")),
        ("posted_within", POSTED_WITHIN_AGG),
    ]:
        aggs[f"_filter_{name}"] = {"filter": filters_by_facet[name], "aggs": {name: agg}}
    return aggs


# Job search -------------------------------------------------------------------------------------


def test_job_search_without_words_lists_open_jobs_newest_first_with_every_facet():
    body = build_job_search(JobQuery(), today=TODAY)._s.to_dict()

    everything = {"match_all": {}}
    assert body == {
        "query": {"bool": {"filter": [OPEN]}},
        "aggs": facet_aggs(
            dict.fromkeys(
                ["sector", "region", "employment_type", "remote", "language", "posted_within"], everything
            )
        ),
        "sort": NEWEST,
        "track_total_hits": True,
        "from": 0,
        "size": 20,
        "_source": False,
    }


def test_job_search_with_words_and_selections_counts_each_facet_over_the_other_selections():
    query = JobQuery(
        text="kitchen porter",
        filters={"sector": ("I",), "region": ("GB-MAN", "GB-LDS")},
        posted_within=7,
        sort="closing_soon",
        page=2,
        per_page=10,
    )

    body = build_job_search(query, today=TODAY)._s.to_dict()

    sector = {"terms": {"sector": ["I"]}}
    region = {"terms": {"region": ["GB-MAN", "GB-LDS"]}}
    posted = window(7)
    assert body == {
        "query": {
            "bool": {
                "filter": [OPEN],
                "must": [
                    {
                        "multi_match": {
                            "query": "kitchen porter",
                            "fields": JOB_FIELDS,
                            "operator": "and",
                            "type": "cross_fields",
                        }
                    }
                ],
            }
        },
        "post_filter": {"bool": {"must": [sector, region, posted]}},
        "aggs": facet_aggs(
            {
                "sector": {"bool": {"must": [region, posted]}},
                "region": {"bool": {"must": [sector, posted]}},
                "employment_type": {"bool": {"must": [sector, region, posted]}},
                "remote": {"bool": {"must": [sector, region, posted]}},
                "language": {"bool": {"must": [sector, region, posted]}},
                "posted_within": {"bool": {"must": [sector, region]}},
            }
        ),
        "sort": [{"closing_date": {"order": "asc", "missing": "_last"}}, *NEWEST],
        "track_total_hits": True,
        "from": 10,
        "size": 10,
        "_source": False,
    }


def test_job_search_by_relevance_ranks_by_score_then_newest():
    body = build_job_search(JobQuery(text="chef", sort="relevance"), today=TODAY)._s.to_dict()

    assert body["sort"] == ["_score", *NEWEST]


def test_job_search_for_another_page_asks_for_that_page():
    body = build_job_search(JobQuery(text="chef", page=9, per_page=20), page=3, today=TODAY)._s.to_dict()

    assert (body["from"], body["size"]) == (40, 20)


# Site search and suggestions -------------------------------------------------------------------

SITE_FIELDS = ["title^3", "summary^2", "description", "body", "employer_name", "place", "skill_names"]
MARK = {
    "pre_tags": ["<mark>"],
    "post_tags": ["</mark>"],
    "encoder": "html",
    "fragment_size": 160,
    "number_of_fragments": 1,
}


def did_you_mean(text):
    return {
        "did_you_mean": {
            "text": text,
            "phrase": {
                "field": "spelling.shingles",
                "size": 3,
                "gram_size": 2,
                "max_errors": 2,
                "confidence": 0,
                "direct_generator": [{"field": "spelling", "suggest_mode": "always", "prefix_length": 0}],
                "collate": {
                    "query": {
                        "source": {"match": {"spelling": {"query": "{{suggestion}}", "operator": "and"}}}
                    },
                    "prune": False,
                },
            },
        }
    }


# An English visitor: English pages, and whatever has no locale (jobs, employers).
IN_ENGLISH_LOCALE = {
    "bool": {
        "should": [{"bool": {"must_not": [{"exists": {"field": "locale"}}]}}, {"term": {"locale": "en-gb"}}]
    }
}
IN_ENGLISH = {
    "bool": {
        "must": [
            IN_ENGLISH_LOCALE,
            {
                "bool": {
                    "should": [
                        {"bool": {"must_not": [{"exists": {"field": "language"}}]}},
                        {"term": {"language": "en-gb"}},
                    ]
                }
            },
        ]
    }
}


def site_body(text, start, size):
    return {
        "query": {
            "bool": {
                "filter": [OPEN, IN_ENGLISH_LOCALE],
                "must": [
                    {
                        "multi_match": {
                            "query": text,
                            "fields": SITE_FIELDS,
                            "operator": "and",
                            "type": "cross_fields",
                        }
                    }
                ],
            }
        },
        "aggs": {"types": {"terms": {"field": "type", "size": 5}}},
        "track_total_hits": True,
        "suggest": did_you_mean(text),
        "from": start,
        "size": size,
        "_source": ["type", "title", "summary", "url", "date"],
        "highlight": {"fields": {"summary": {}, "description": {}, "body": {}}, **MARK},
    }


def test_site_search_over_every_type_counts_types_and_highlights(settings):
    settings.SEARCH_INDEX_PREFIX = "portal"
    search = build_site_search(SiteQuery(text="second chance"), today=TODAY)

    assert search._index == [
        "portal_stories",
        "portal_campaigns",
        "portal_jobs",
        "portal_employers",
        "portal_pages",
    ]
    assert search.to_dict() == site_body("second chance", 0, 10)


def test_site_search_of_one_type_narrows_hits_but_not_counts():
    body = build_site_search(
        SiteQuery(text="bricklayer", type="job", page=3, per_page=10), today=TODAY
    ).to_dict()

    assert body == {**site_body("bricklayer", 20, 10), "post_filter": {"term": {"type": "job"}}}


def test_suggestions_match_the_start_of_title_words(settings):
    settings.SEARCH_INDEX_PREFIX = "staging"
    search = build_suggest("forkl dri", 5, today=TODAY)

    assert search._index == [
        "staging_stories",
        "staging_campaigns",
        "staging_jobs",
        "staging_employers",
        "staging_pages",
    ]
    assert search.to_dict() == {
        "query": {
            "bool": {
                "filter": [OPEN, IN_ENGLISH],
                "must": [{"match": {"title.autocomplete": {"query": "forkl dri", "operator": "and"}}}],
            }
        },
        "size": 20,
        "_source": ["type", "title", "url", "summary"],
    }


# Matching ---------------------------------------------------------------------------------------

ROW_FIELDS = [
    "pk",
    "sector",
    "employment_type",
    "start_date",
    "region",
    "published_at",
    "required_skill_ids",
    "preferred_skill_ids",
    "required_certification_ids",
    "preferred_certification_ids",
]
# 3 for a required skill, plus the tie-break (2**-11: the weights move in steps of 0.5).
REQUIRED_SKILL = 3 + 2**-11


def in_manchester_only(**fields):
    return Graduate(preferred_regions=["GB-MAN"], **fields)


def test_ranking_jobs_for_a_graduate_scores_every_hit_with_weighted_filters():
    graduate = in_manchester_only(
        no_driving=True,
        preferred_sectors=["F"],
        preferred_employment_types=["full-time", "part-time"],
        available_from=datetime.date(2026, 2, 1),
    )

    search = matching.build_job_ranking(graduate, place_regions(graduate), {3, 1}, {7}, 20, today=TODAY)

    assert search.to_dict() == {
        "query": {
            "function_score": {
                "query": {
                    "bool": {
                        "filter": [
                            OPEN,
                            {"bool": {"must_not": [{"term": {"requires_driving": True}}]}},
                            {
                                "bool": {
                                    "should": [
                                        {
                                            "bool": {
                                                "must": [
                                                    {"term": {"remote": "remote"}},
                                                    {"terms": {"region": ["GB-MAN"]}},
                                                ]
                                            }
                                        },
                                        {
                                            "bool": {
                                                "must_not": [{"term": {"remote": "remote"}}],
                                                "must": [{"terms": {"region": ["GB-MAN"]}}],
                                            }
                                        },
                                    ]
                                }
                            },
                        ]
                    }
                },
                "functions": [
                    {"weight": 1.0},
                    {"filter": {"term": {"required_skill_ids": 1}}, "weight": REQUIRED_SKILL},
                    {"filter": {"term": {"preferred_skill_ids": 1}}, "weight": 1.0},
                    {"filter": {"term": {"required_skill_ids": 3}}, "weight": REQUIRED_SKILL},
                    {"filter": {"term": {"preferred_skill_ids": 3}}, "weight": 1.0},
                    {"filter": {"term": {"required_certification_ids": 7}}, "weight": 3.0},
                    {"filter": {"term": {"preferred_certification_ids": 7}}, "weight": 1.0},
                    {"filter": {"terms": {"sector": ["F"]}}, "weight": 2.0},
                    {"filter": {"terms": {"employment_type": ["full-time", "part-time"]}}, "weight": 1.5},
                    {
                        "filter": {
                            "bool": {
                                "should": [
                                    {"bool": {"must_not": [{"exists": {"field": "start_date"}}]}},
                                    {"range": {"start_date": {"gte": "2026-02-01"}}},
                                ]
                            }
                        },
                        "weight": 1.0,
                    },
                    {"filter": {"terms": {"region": ["GB-MAN"]}}, "weight": 1.0},
                ],
                "score_mode": "sum",
                "boost_mode": "replace",
            }
        },
        "sort": ["_score", *NEWEST],
        "size": 20,
        "_source": ROW_FIELDS,
    }


def test_ranking_for_a_graduate_open_to_anywhere_has_no_place_filter_and_no_preference_functions():
    graduate = Graduate(preferred_regions=[], available_from=None)

    search = matching.build_job_ranking(graduate, place_regions(graduate), set(), set(), 5, today=TODAY)

    assert search.to_dict() == {
        "query": {
            "function_score": {
                "query": {"bool": {"filter": [OPEN]}},
                # available whenever the job starts; no sector, type or region preference
                "functions": [{"weight": 1.0}, {"weight": 1.0}],
                "score_mode": "sum",
                "boost_mode": "replace",
            }
        },
        "sort": ["_score", *NEWEST],
        "size": 5,
        "_source": ROW_FIELDS,
    }


def test_tie_break_stays_below_the_smallest_step_between_scores():
    from matching.scoring import WEIGHTS

    tie = matching.tie_break_weight()

    assert 0 < tie * 1024 <= min(WEIGHTS.values())
    for weight in WEIGHTS.values():
        assert (weight / (tie * 1024)).is_integer()


def test_candidate_jobs_for_a_graduate_who_relocates_and_works_remotely_keep_every_region():
    graduate = in_manchester_only(willing_to_relocate=True, wants_remote=True, no_night_shifts=True)

    search = matching.build_candidate_jobs(graduate, place_regions(graduate), today=TODAY)

    assert search._params == {"size": 1000}  # scrolled in pages of 1000: every candidate, not one page
    assert search.to_dict() == {
        "query": {
            "bool": {
                "filter": [
                    OPEN,
                    {"bool": {"must_not": [{"term": {"night_shifts": True}}]}},
                    {
                        "bool": {
                            "should": [
                                {"bool": {"must_not": [{"term": {"remote": "remote"}}]}},
                                {"term": {"remote": "remote"}},
                            ]
                        }
                    },
                ]
            }
        },
        "_source": False,
    }


def test_candidate_jobs_for_a_graduate_who_travels_include_the_nation_s_regions():
    graduate = in_manchester_only(willing_to_travel=True)

    body = matching.build_candidate_jobs(graduate, place_regions(graduate), today=TODAY).to_dict()

    reachable = sorted({"GB-MAN"} | regions_under("GB-ENG"))
    assert "GB-LDS" in reachable
    assert body["query"]["bool"]["filter"][1] == {
        "bool": {
            "should": [
                {"bool": {"must": [{"term": {"remote": "remote"}}, {"terms": {"region": ["GB-MAN"]}}]}},
                {
                    "bool": {
                        "must_not": [{"term": {"remote": "remote"}}],
                        "must": [{"terms": {"region": reachable}}],
                    }
                },
            ]
        }
    }


def test_candidate_graduates_for_a_remote_job_with_requirements():
    job = JobListing(region="GB-MAN", remote="remote", requires_driving=True, handles_cash=True)

    search = matching.build_candidate_graduates(job)

    assert search._params == {"size": 1000}
    assert search.to_dict() == {
        "query": {
            "bool": {
                "filter": [
                    {"bool": {"must_not": [{"term": {"no_driving": True}}]}},
                    {"bool": {"must_not": [{"term": {"no_cash_handling": True}}]}},
                    {
                        "bool": {
                            "should": [
                                {"bool": {"must_not": [{"exists": {"field": "preferred_regions"}}]}},
                                {"terms": {"preferred_regions": ["GB-MAN", "GB-ENG"]}},
                                {"term": {"wants_remote": True}},
                            ]
                        }
                    },
                ]
            }
        },
        "_source": False,
    }


def test_candidate_graduates_for_an_on_site_job_take_those_who_relocate_or_travel_within_the_nation():
    job = JobListing(region="GB-MAN", remote="on-site")

    body = matching.build_candidate_graduates(job).to_dict()

    assert body == {
        "query": {
            "bool": {
                "filter": [
                    {
                        "bool": {
                            "should": [
                                {"bool": {"must_not": [{"exists": {"field": "preferred_regions"}}]}},
                                {"terms": {"preferred_regions": ["GB-MAN", "GB-ENG"]}},
                                {"term": {"willing_to_relocate": True}},
                                {
                                    "bool": {
                                        "must": [
                                            {"term": {"willing_to_travel": True}},
                                            {"terms": {"preferred_regions": sorted(regions_under("GB-ENG"))}},
                                        ]
                                    }
                                },
                            ]
                        }
                    }
                ]
            }
        },
        "_source": False,
    }


@pytest.mark.parametrize("prefix", ["portal", "ci_7"])
def test_matching_reads_the_prefixed_aliases(settings, prefix):
    settings.SEARCH_INDEX_PREFIX = prefix
    graduate = in_manchester_only()
    job = JobListing(region="GB-MAN", remote="on-site")

    assert matching.build_job_ranking(graduate, place_regions(graduate), set(), set(), 5)._index == [
        f"{prefix}_jobs"
    ]
    assert matching.build_candidate_graduates(job)._index == [f"{prefix}_graduates"]
