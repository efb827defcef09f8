"""The in-process measurements of `make bench`: job search with facets, matching one graduate
against all open jobs, site search through Django's test client; each timed (p50/p95 after a warm
call) with the queries it costs. Called after common.configure(): Django is set up by then, so
the project's modules are imported where they are used."""

import statistics
import time

import common


def timed(function, rounds):
    function()  # warm: the first call pays for imports and cold caches
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return {
        "p50_ms": round(statistics.median(samples), 1),
        "p95_ms": round(common.percentile(samples, 0.95), 1),
    }


def count_queries(function):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        result = function()
    return result, len(queries)


def job_searches(rounds):
    from search import jobs

    shapes = {
        "no words, facets": {},
        "'chef', facets": {"query": "chef"},
        "'warehouse' + 2 filters": {
            "query": "warehouse",
            "filters": {"employment_type": ["full-time"], "remote": ["on-site"]},
        },
        "sector + region, closing soon": {
            "filters": {"sector": ["I"], "region": ["GB-MAN"]},
            "sort": "closing_soon",
        },
        "'kitchen porter', page 5": {"query": "kitchen porter", "page": 5},
        "posted 7 days, newest": {"filters": {"posted_within": ["7"]}, "sort": "newest"},
    }
    rows = []
    for name, arguments in shapes.items():
        result, queries = count_queries(lambda arguments=arguments: jobs.search(**arguments))
        rows.append(
            {
                "name": name,
                "results": result.total,
                "queries": queries,
                **timed(lambda a=arguments: jobs.search(**a), rounds),
            }
        )
    return rows


def bench_graduates():
    """One matchable graduate of each kind (the first by pk, so the same on every run)."""
    from partners.models import Graduate

    stay = {"willing_to_travel": False, "willing_to_relocate": False, "wants_remote": False}
    kinds = {
        "one region": lambda g: len(g.preferred_regions) == 1 and not any(getattr(g, f) for f in stay),
        "one region, travels": lambda g: g.willing_to_travel and not g.willing_to_relocate,
        "relocates (most regions)": lambda g: g.willing_to_relocate,
        "no region preference": lambda g: not g.preferred_regions,
        "open to remote": lambda g: g.wants_remote and not g.willing_to_relocate,
    }
    people = {}
    for graduate in Graduate.objects.matchable().order_by("pk")[:500]:
        for name, fits in kinds.items():
            if name not in people and fits(graduate):
                people[name] = graduate
    return {name: people[name] for name in kinds if name in people}


def matching(rounds):
    from matching.scoring import jobs_for_graduate
    from search import matching as retrieval

    rows = []
    for name, graduate in bench_graduates().items():
        matches, queries = count_queries(lambda g=graduate: jobs_for_graduate(g))
        rows.append(
            {
                "name": name,
                "candidates": retrieval.candidate_jobs(graduate).count(),
                "top_score": matches[0].score if matches else None,
                "queries": queries,
                **timed(lambda g=graduate: jobs_for_graduate(g), rounds),
            }
        )
    return rows


def site_search(rounds):
    from django.test import Client
    from django.test.utils import override_settings

    client = Client(HTTP_HOST="127.0.0.1")
    rows = []
    with override_settings(PAGE_CACHE_SECONDS=0):  # the search itself, not the page cache
        for words in ("work", "chef kitchen", "second chance", "nothingmatcheshere"):
            rows.append(one_site_search(client, words, rounds))
    return rows


def one_site_search(client, words, rounds):
    url = f"/search/?q={words.replace(' ', '+')}"

    def get():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response

    _response, queries = count_queries(get)
    return {"name": f"'{words}'", "queries": queries, **timed(get, rounds)}
