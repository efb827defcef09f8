"""The benchmarks at national scale, end to end on PostgreSQL (`make bench`).

    .venv/bin/python bench/run.py                  # generate if needed, then measure everything
    .venv/bin/python bench/run.py --label after    # results in bench/results/run-after.json
    .venv/bin/python bench/run.py --only search,matching --rounds 20
    .venv/bin/python bench/run.py --scale 0.05     # a quick run on a small database

Measures, on the database bench/generate.py fills (generated first when it holds fewer jobs
than --scale asks for):
- job search with facets (`search.jobs.search`), several shapes: p50/p95;
- matching one graduate against all open jobs (`matching.scoring.jobs_for_graduate`), for
  graduates with one region, travelling, relocating (open to most regions), no preference: p50/p95;
- site search (GET /search/?q=... through Django's test client): p50/p95;
- the home page, a story, a campaign, /jobs/, /pledge-wall/, /campaigns/ and a deep job page
  (/jobs/?page=2000) under 8 concurrent clients against gunicorn with 2 workers on loopback
  (DEBUG off, Redis cache), with Debian's `wrk`: requests per second and p50/p95/p99, with the
  page cache on (as deployed) and off (PAGE_CACHE_SECONDS=0: what logged-in people and the
  first visitor after a change get);
- the same for logged-in people's pages (the employer dashboard, a partner's graduate list)
  and staff screens (the moderation queue, the whole job list, the employer list and the impact
  dashboard, as the demo moderator), with a session made in the bench database and its cookie
  given to wrk;
- bytes transferred for the home page's first load (HTML and every CSS, JS, image and font it
  references, compressed as a browser would receive them).
With a search server configured (OPENSEARCH_URL or ELASTICSEARCH_URL), job search and matching are
measured on the database engine and on the server in the same run, side by side, after the job
index is rebuilt (timed, its documents and bytes recorded): bench/server_side.py. Site search is
then measured on the database engine only (the site's other indices are not rebuilt).
The machine's load average is recorded with the results: other work skews the numbers.
The in-process measurements are in bench/measure.py, the load and first-load bytes in bench/load.py.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common
import load
import measure
import server_side

BUDGETS_MS = {"job search": 150, "matching": 250, "page": 50, "staff": 200}
SECTIONS = ("search", "matching", "site", "load", "bytes")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", default="latest", help="results go to bench/results/run-<label>.json")
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated, of {SECTIONS}")
    parser.add_argument(
        "--pages",
        default="",
        help="load section: only the pages whose names contain one of these (comma-separated)",
    )
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS", "40")))
    parser.add_argument("--duration", type=int, default=15, help="seconds of load per page (default 15)")
    parser.add_argument("--scale", type=float, default=1.0, help="generate at this scale when needed")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--no-migrate", action="store_true", help="measure the schema as it is")
    parser.add_argument(
        "--no-rebuild",
        action="store_true",
        help="with a search server: measure the job index as it is (it must still hold every open job)",
    )
    return parser.parse_args(argv)


def print_table(title, rows, columns, budget=None):
    print(f"\n{title}" + (f" (budget p95 < {budget} ms)" if budget else ""))
    print("  " + " ".join(f"{name:>{width}}" for name, width in columns))
    for row in rows:
        cells = []
        for name, width in columns:
            value = row.get(name, "")
            cells.append(f"{value!s:>{width}}" if name != "name" else f"{value!s:<{width}}")
        over = budget is not None and row.get("p95_ms") is not None and row["p95_ms"] >= budget
        print("  " + " ".join(cells) + ("  OVER" if over else ""))


def print_side_by_side(title, rows, server, budget):
    """Rows of server_side.merged(): a column per engine, OVER naming the engine over budget."""
    print(f"\n{title}, database | {server} (budget p95 < {budget} ms)")
    print(f"  {'name':<30} {'results':>15} {'p50_ms':>15} {'p95_ms':>15}")
    for row in rows:
        cells = [f"{row['name']:<30}"]
        for key in ("results", "p50_ms", "p95_ms"):
            cells.append(f"{row[f'{key}_db']!s:>7}|{row[f'{key}_server']!s:<7}")
        over = [
            engine
            for engine, value in (("database", row["p95_ms_db"]), (server, row["p95_ms_server"]))
            if value is not None and value >= budget
        ]
        print("  " + " ".join(cells) + (f"  OVER: {', '.join(over)}" if over else ""))


def ensure_generated(scale, seed):
    os.environ.setdefault("DATABASE_URL", common.DEFAULT_URL)
    common.ensure_database(os.environ["DATABASE_URL"])
    import psycopg

    wanted = int(100_000 * scale * 0.99)
    with psycopg.connect(os.environ["DATABASE_URL"]) as connection:
        try:
            have = connection.execute("SELECT count(*) FROM jobs_joblisting").fetchone()[0]
            recorded = connection.execute("SELECT app, name FROM django_migrations").fetchall()
        except psycopg.errors.UndefinedTable:
            have, recorded = 0, []
    foreign = common.foreign_migrations(recorded)
    if foreign:
        # Made by another version of the code (a branch, an older checkout): its schema cannot
        # be migrated forwards from here, so it is made again rather than half-migrated.
        print(
            f"The bench database records migrations this tree does not have ({', '.join(foreign[:3])}): generating again.",
            flush=True,
        )
        have = 0
    if have < wanted:
        print(f"The bench database holds {have} jobs, fewer than {wanted}: generating.", flush=True)
        subprocess.run(
            [
                sys.executable,
                str(Path(__file__).with_name("generate.py")),
                "--scale",
                str(scale),
                "--seed",
                str(seed),
            ],
            check=True,
        )


def vacuum():
    """What autovacuum does after a bulk load: statistics, and the visibility map that lets
    PostgreSQL answer from an index alone."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def main():
    args = parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # progress visible when written to a file
    for name, value in common.BENCH_ENVIRONMENT.items():
        os.environ.setdefault(name, value)
    sections = [name for name in args.only.split(",") if name]
    ensure_generated(args.scale, args.seed)
    common.configure()
    common.collect_static()  # site search renders pages with DEBUG off before gunicorn starts
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command

    from jobs.models import JobListing

    if not args.no_migrate:
        call_command("migrate", verbosity=0)  # new indexes of this tree
    vacuum()
    cache.clear()
    common.RESULTS.mkdir(exist_ok=True)
    target = common.RESULTS / f"run-{args.label}.json"
    # Sections measured earlier under the same label are kept: --only re-runs part of a run.
    report = json.loads(target.read_text()) if target.exists() else {}
    report.update(
        {
            "label": args.label,
            "started": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
            "load_average_before": os.getloadavg(),
            "jobs": JobListing.objects.count(),
            "open_jobs": JobListing.objects.published().count(),
            "rounds": args.rounds,
            "page_cache_seconds": settings.PAGE_CACHE_SECONDS,
            "load_tool": "wrk -t2 -c8 (Debian), gunicorn --workers 2",
        }
    )

    def save(section, rows):
        report[section] = rows
        report["load_average_after"] = os.getloadavg()
        target.write_text(json.dumps(report, indent=2, default=str))

    server = server_side.server_name()
    if server and {"search", "matching"} & set(sections):
        job_index = server_side.job_index(rebuild=not args.no_rebuild)
        save("search_server", {"name": server, "job_index": job_index})
        rebuilt = (
            f"rebuilt in {job_index['rebuild_seconds']} s, "
            if job_index["rebuild_seconds"] is not None
            else ""
        )
        megabytes = job_index["bytes"] / 1_000_000
        print(
            f"Job index {job_index['index']}: {rebuilt}{job_index['documents']} documents, {megabytes:.1f} MB"
        )

    timing = [("name", 30), ("results", 8), ("queries", 7), ("p50_ms", 8), ("p95_ms", 8)]
    if "search" in sections:
        title, budget = "Job search with facets", BUDGETS_MS["job search"]
        if server:
            database_rows, server_rows = server_side.side_by_side(measure.job_searches, args.rounds)
            save("job_search", database_rows)
            save("job_search_server", server_rows)
            rows = server_side.merged(database_rows, server_rows, ("results", "p50_ms", "p95_ms"))
            print_side_by_side(title, rows, server, budget)
        else:
            save("job_search", measure.job_searches(args.rounds))
            print_table(title, report["job_search"], timing, budget)
    if "matching" in sections:
        title, budget = f"Matching against {report['open_jobs']} open jobs", BUDGETS_MS["matching"]
        if server:
            database_rows, server_rows = server_side.side_by_side(measure.matching, args.rounds)
            save("matching", database_rows)
            save("matching_server", server_rows)
            rows = server_side.merged(database_rows, server_rows, ("candidates", "p50_ms", "p95_ms"))
            for row in rows:  # the column is headed "results": candidates after the hard filters
                row["results_db"], row["results_server"] = (
                    row.pop("candidates_db"),
                    row.pop("candidates_server"),
                )
            print_side_by_side(title, rows, server, budget)
        else:
            save("matching", measure.matching(args.rounds))
            columns = [("name", 30), ("candidates", 10), ("queries", 7), ("p50_ms", 8), ("p95_ms", 8)]
            print_table(title, report["matching"], columns, budget)
    if "site" in sections:
        # Only the job index is rebuilt here: the site's other indices may be missing or stale.
        with server_side.database_engine():
            save("site_search", measure.site_search(args.rounds))
        print_table("Site search (GET /search/, database engine)", report["site_search"], timing)
    if "load" in sections or "bytes" in sections:
        public, private, first_load = load.load(args.duration, args.pages)
        save("pages_under_load", public)
        save("logged_in_pages_under_load", private)
        save("home_first_load", first_load)
        columns = [("name", 18), ("cache", 5), ("queries", 7), ("requests", 8), ("errors", 6), ("rps", 7)]
        columns += [("p50_ms", 7), ("p95_ms", 7), ("p99_ms", 7)]
        title = f"Public pages, 8 clients, {args.duration} s each, page cache on and off"
        print_table(title, public, columns, BUDGETS_MS["page"])
        columns[1] = ("user", 22)
        staff = {name for name, _path, _email in load.STAFF_PAGES}
        area = [row for row in private if row["name"] not in staff]
        print_table("Logged-in people's pages (never cached)", area, columns, BUDGETS_MS["page"])
        staff_rows = [row for row in private if row["name"] in staff]
        print_table("Staff screens (Wagtail admin)", staff_rows, columns, BUDGETS_MS["staff"])
        if first_load:
            total, count = first_load["total_bytes"], len(first_load["assets"])
            print(f"\nHome page first load: {total} bytes ({count} assets; budget 300 KB)")
    print(f"\nload average before/after: {report['load_average_before']} / {report['load_average_after']}")
    print(f"written {target.relative_to(common.ROOT)}")


if __name__ == "__main__":
    main()
