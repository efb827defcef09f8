"""Soak: N minutes at 8 clients against gunicorn (2 workers, loopback, production settings).

    .venv/bin/python bench/soak.py [--minutes 10] [--clients 8] [--database-url URL]

Each client is a visitor or an employer doing a weighted mix: public pages (home, stories,
campaigns, the job board, jobs, the pledge wall), searches (site search and job search), pledge
sign-ups (the campaign page, then its form submitted as a browser does: to the form's own action,
with every field the page gives) and, for the logged-in employer clients, the employer area
(dashboard, listings, a listing's matched graduates) and saving a new job listing as a draft.
It prints requests, errors (must be 0) and latency per kind, and the gunicorn workers' resident
memory at the start and the end with its trend (budget: under 300 MB, no growth). Results:
bench/results/soak.json.

It fails unless each kind of work it names happened: pages and searches answered, every sign-up
submitted stored as a pledge (counted in the database by this run's addresses, never read from
the answer), employer pages answered and every draft saved (counted in the database), and every
form the visitors look for found on its page. A run that does none of its work fails.

The database is its own (default .../portal_soak, prepared with migrate and load_demo_content
when it has no demo logins); `--database-url` points it at the bench database instead.
The server is bench/server.py, the visitors bench/visitors.py, the counting bench/report.py;
bench/faults.py uses them too.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common
from bench.report import FINE, Recorder, memory_trend, print_checks, print_rows, work_checks
from bench.server import Server, prepared_site
from bench.visitors import outcomes, start_visitors, stop_visitors

SOAK_URL = "postgres://postgres@127.0.0.1:5432/portal_soak"
PORT = 8731


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--database-url", default=os.environ.get("SOAK_DATABASE_URL", SOAK_URL))
    parser.add_argument("--port", type=int, default=PORT)
    parser.add_argument("--sample-seconds", type=float, default=15.0, help="memory sampling interval")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    env, addresses = prepared_site(args.database_url)
    recorder = Recorder()
    memory = []
    with Server(env, args.port) as server:
        print(
            f"Soak: {args.minutes:g} min, {args.clients} clients, {server.base}, database "
            f"{common.database_name(args.database_url)}; {len(addresses['stories'])} stories, "
            f"{len(addresses['campaigns'])} campaigns, {len(addresses['jobs'])} jobs",
            flush=True,
        )
        started = time.monotonic()
        stop, threads, visitors = start_visitors(server.base, addresses, recorder, args.clients)
        deadline = started + args.minutes * 60
        while time.monotonic() < deadline:
            elapsed = time.monotonic() - started
            memory.append((round(elapsed), server.worker_rss_mb()))
            print(
                f"  {elapsed / 60:5.1f} min  {recorder.total():>7} requests  "
                f"{recorder.count(lambda s: s not in FINE):>4} errors  RSS MB {memory[-1][1]}",
                flush=True,
            )
            time.sleep(min(args.sample_seconds, max(0.0, deadline - time.monotonic())))
        stop_visitors(stop, threads)
        memory.append((round(time.monotonic() - started), server.worker_rss_mb()))
        seconds = time.monotonic() - started

    done = outcomes(args.database_url, visitors)
    checks = work_checks(recorder, done, employers=args.clients > 1)
    rows = recorder.table()
    total = sum(row["requests"] for row in rows)
    errors = sum(row["errors"] for row in rows)
    every = [value for values in recorder.samples.values() for value in values]
    start_rss, end_rss = memory[0][1], memory[-1][1]
    peak = max((size for _t, sizes in memory for size in sizes.values()), default=0)
    trend = memory_trend(memory)
    print()
    print_rows(rows)
    print(
        f"\nrequests {total} in {seconds:.0f} s ({total / seconds:.1f}/s), errors {errors}, "
        f"p95 {common.percentile(every, 0.95) * 1000:.1f} ms"
    )
    print(
        f"worker RSS MB at start {start_rss}, at end {end_rss}, peak {peak}, trend after warm-up {trend} MB/min"
    )
    print(f"memory budget (< 300 MB per worker): {'met' if peak < 300 else 'MISSED'}")
    if recorder.failures:
        print("first failures:", recorder.failures[:10])
    print("work done:")
    print_checks(checks)
    unaccepted = done["submitted"] - done["accepted"]
    if unaccepted:
        print(f"sign-ups answered but not in the database: {len(unaccepted)}, e.g. {sorted(unaccepted)[:3]}")
    work_done = all(passed for _count, passed in checks.values())
    result = {
        "minutes": args.minutes,
        "clients": args.clients,
        "database": common.database_name(args.database_url),
        "requests": total,
        "errors": errors,
        "seconds": round(seconds, 1),
        "p95_ms": round(common.percentile(every, 0.95) * 1000, 1),
        "rows": rows,
        "rss_mb": {"start": start_rss, "end": end_rss, "peak": peak, "trend_mb_per_min": trend},
        "memory_samples": memory,
        "load_average": os.getloadavg(),
        "failures": recorder.failures,
        "work": {name: {"count": count, "passed": passed} for name, (count, passed) in checks.items()},
    }
    (common.RESULTS / "soak.json").write_text(json.dumps(result, indent=2, default=str))
    passed = errors == 0 and peak < 300 and work_done
    print(f"\nsoak {'passed' if passed else 'FAILED'}")
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
