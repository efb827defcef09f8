"""Time one faceted job search at two scales (default 300 and 30,000 jobs) on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench .venv/bin/python bench/jobs.py

The database named in DATABASE_URL is migrated and filled by this script (it creates it if it
is missing); never point it at a database you care about. Prints p50/p95 per search shape and
the number of queries one search costs, and writes bench/results/jobs.json.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench")

import django  # noqa: E402

SIZES = [int(size) for size in os.environ.get("BENCH_JOB_SIZES", "300,30000").split(",")]
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))


def ensure_database():
    import psycopg

    url = os.environ["DATABASE_URL"]
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def fill(size):
    """Bring the number of job listings to `size` by bulk-copying the demo listings."""
    from django.db import transaction

    from employers.models import JobListing

    have = JobListing.objects.count()
    if have >= size:
        JobListing.objects.filter(
            pk__in=JobListing.objects.order_by("-pk").values("pk")[: have - size]
        ).delete()
        return
    templates = list(JobListing.objects.order_by("pk")[:300])
    batch = []
    with transaction.atomic():
        for number in range(size - have):
            job = templates[number % len(templates)]
            job.pk = None
            batch.append(job)
            if len(batch) == 2000:
                JobListing.objects.bulk_create(batch)
                batch = []
        JobListing.objects.bulk_create(batch)


def time_searches():
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from search import jobs

    shapes = {
        "no query, facets": {},
        "query 'chef', facets": {"query": "chef"},
        "query + 2 filters": {
            "query": "warehouse",
            "filters": {"employment_type": ["full-time"], "remote": ["on-site"]},
        },
        "sector + region, closing soon": {
            "filters": {"sector": ["I"], "region": ["GB-MAN"]},
            "sort": "closing_soon",
        },
    }
    rows = []
    for name, arguments in shapes.items():
        jobs.search(**arguments)
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            result = jobs.search(**arguments)
        samples = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            jobs.search(**arguments)
            samples.append((time.perf_counter() - start) * 1000)
        samples.sort()
        rows.append(
            {
                "search": name,
                "results": result.total,
                "queries": len(queries),
                "p50_ms": round(statistics.median(samples), 1),
                "p95_ms": round(samples[int(0.95 * (len(samples) - 1))], 1),
            }
        )
    return rows


def main():
    ensure_database()
    django.setup()
    from django.core.management import call_command

    from employers.models import JobListing

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_demo_content", stdout=quiet)
    report = {}
    for size in SIZES:
        fill(size)
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        published = JobListing.objects.published().count()
        rows = time_searches()
        report[size] = {"jobs": JobListing.objects.count(), "published": published, "searches": rows}
        print(f"\n{JobListing.objects.count()} jobs ({published} visible), {ROUNDS} rounds each")
        print(f"{'search':32} {'results':>8} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8}")
        for row in rows:
            print(
                f"{row['search']:32} {row['results']:>8} {row['queries']:>7} {row['p50_ms']:>8} {row['p95_ms']:>8}"
            )
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / "jobs.json").write_text(json.dumps(report, indent=2))
    print("written bench/results/jobs.json")


if __name__ == "__main__":
    main()
