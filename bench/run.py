"""The benchmarks at national scale, end to end on PostgreSQL (`make bench`).

    .venv/bin/python bench/run.py                  # generate if needed, then measure everything
    .venv/bin/python bench/run.py --label after    # results in bench/results/run-after.json
    .venv/bin/python bench/run.py --only search,matching --rounds 20
    .venv/bin/python bench/run.py --scale 0.05     # a quick run on a small database

Measures, on the database bench/generate.py fills (generated first when it holds fewer jobs
than --scale asks for):
- job search with facets (`search.jobs.search`), several shapes: p50/p95;
- matching one graduate against all open jobs (`employers.matching.jobs_for_graduate`), for
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
The machine's load average is recorded with the results: other work skews the numbers.
"""

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common

BUDGETS_MS = {"job search": 150, "matching": 250, "page": 50, "staff": 200}
SECTIONS = ("search", "matching", "site", "load", "bytes")
PORT = int(os.environ.get("BENCH_PORT", "8765"))
LUA = Path(__file__).resolve().parent / "wrk_report.lua"


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
    return parser.parse_args(argv)


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


# In-process measurements -------------------------------------------------------------------------


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
    from employers.models import Graduate

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
    from employers.matching import jobs_for_graduate
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


# Under load, against gunicorn --------------------------------------------------------------------


def bench_pages():
    """Public pages: measured with the page cache on (as deployed) and off (PAGE_CACHE_SECONDS=0)."""
    from campaigns.models import CampaignPage
    from stories.models import StoryPage

    story = StoryPage.objects.live().order_by("pk").first()
    campaign = next(page for page in CampaignPage.objects.live().order_by("pk") if page.is_live)
    return {
        "home": "/",
        "story": story.url,
        "campaign": campaign.url,
        "/jobs/": "/jobs/",
        "/pledge-wall/": "/pledge-wall/",
        "/campaigns/": "/campaigns/",
        "/jobs/ page 2000": f"/jobs/?page={DEEP_JOB_PAGE}",
    }


# Pages of logged-in people (never cached): (name, path, demo login), with their budgets.
AREA_PAGES = [
    ("employer dashboard", "/employer/", "employer@example.org"),
    ("partner graduates", "/partner/graduates/", "partner@example.org"),
]
STAFF_PAGES = [
    ("admin job queue", "/admin/jobs/?status=pending", "moderator@example.org"),
    ("admin job list", "/admin/jobs/", "moderator@example.org"),
    ("admin employers", "/admin/employers/", "moderator@example.org"),
    ("admin impact", "/admin/impact/", "moderator@example.org"),
]
DEEP_JOB_PAGE = 2000


def logged_in_client(email):
    """A test client logged in as the demo user `email` (a session in the bench database, which
    gunicorn reads too): its session cookie is what wrk sends."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(email=email))
    return client


def session_cookie(client):
    from django.conf import settings

    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


class Gunicorn:
    """gunicorn with 2 workers on loopback, in production settings on the bench database."""

    def __init__(self, port=PORT, **environment):
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.environment = environment

    def __enter__(self):
        env = {**os.environ, "PYTHONPATH": str(common.ROOT), **self.environment}
        python = sys.executable
        subprocess.run(
            [python, "manage.py", "collectstatic", "--no-input", "-v", "0"],
            cwd=common.ROOT,
            env=env,
            check=True,
        )
        self.log = open(common.RESULTS / "gunicorn.log", "w")
        self.process = subprocess.Popen(
            [str(Path(python).with_name("gunicorn")), "portal.wsgi", "--workers", "2",
             "--bind", f"127.0.0.1:{self.port}", "--access-logfile", "-" if os.environ.get("BENCH_ACCESS_LOG") else "/dev/null"],
            cwd=common.ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.base}/healthz", timeout=10).read()
                return self
            except OSError:  # refused, reset or timed out while the workers start
                if self.process.poll() is not None:
                    raise SystemExit("gunicorn stopped: see bench/results/gunicorn.log") from None
                time.sleep(0.5)
        self.__exit__()
        raise SystemExit("gunicorn did not answer within 120 s")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def wrk_binary():
    found = shutil.which("wrk")
    if not found:
        raise SystemExit("wrk is missing: apt-get install -y wrk (make bench installs it)")
    return found


def page_queries(path, client=None):
    """Queries the page costs when rendered (the cache off): the budget is 12 per public page."""
    from django.test import Client
    from django.test.utils import override_settings

    client = client or Client(HTTP_HOST="127.0.0.1")
    with override_settings(PAGE_CACHE_SECONDS=0):
        client.get(path)
        response, count = count_queries(lambda: client.get(path))
    assert response.status_code == 200, (path, response.status_code)
    return count


def under_load(server, name, path, duration, cookie=None, **extra):
    """One page under 8 clients for `duration` seconds: requests per second and latencies."""
    url = server.base + path
    headers = {"Cookie": cookie} if cookie else {}
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:  # warm; fail early on an error
        assert response.status == 200 and response.url == url, (url, response.status, response.url)
    command = [wrk_binary(), "-t", "2", "-c", "8", "-d", f"{duration}s", "--timeout", "10s", "-s", str(LUA)]
    for header, value in headers.items():
        command += ["-H", f"{header}: {value}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    report = json.loads(output.split("JSON ", 1)[1])
    seconds = report["duration_us"] / 1e6
    return {
        "name": name,
        "url": path,
        **extra,
        "requests": report["requests"],
        "errors": report["errors"] + report["non2xx"],
        "rps": round(report["requests"] / seconds, 1),
        "p50_ms": round(report["p50_us"] / 1000, 1),
        "p95_ms": round(report["p95_us"] / 1000, 1),
        "p99_ms": round(report["p99_us"] / 1000, 1),
    }


def load(duration, only=""):
    """Public pages with the page cache on, then off; logged-in people's and staff pages."""
    wanted = [word.strip() for word in only.split(",") if word.strip()]

    def chosen(name):
        return not wanted or any(word in name for word in wanted)

    pages = {name: path for name, path in bench_pages().items() if chosen(name)}
    others = [(name, path, email) for name, path, email in AREA_PAGES + STAFF_PAGES if chosen(name)]
    public, private = [], []
    for cache_seconds in (None, 0):  # as configured (on), then off
        environment = {} if cache_seconds is None else {"PAGE_CACHE_SECONDS": str(cache_seconds)}
        cache = "on" if cache_seconds is None else "off"
        with Gunicorn(**environment) as server:
            for name, path in pages.items():
                public.append(
                    under_load(server, name, path, duration, cache=cache, queries=page_queries(path))
                )
            if cache_seconds is None:
                # The home page's first load, when the home page is among the pages measured.
                first_load = first_load_bytes(server.base) if chosen("home") else None
                for name, path, email in others:
                    client = logged_in_client(email)
                    cookie, queries = session_cookie(client), page_queries(path, client)
                    private.append(
                        under_load(server, name, path, duration, cookie, user=email, queries=queries)
                    )
    return public, private, first_load


class AssetLinks(HTMLParser):
    """What a browser fetches to show the page: stylesheets, icons, preloads, scripts, images."""

    FETCHED_RELS = {"stylesheet", "icon", "preload", "modulepreload", "apple-touch-icon", "manifest"}

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and set((attrs.get("rel") or "").lower().split()) & self.FETCHED_RELS:
            self.urls.append(attrs.get("href"))
        elif tag in ("script", "img", "source", "video", "audio"):
            self.urls.append(attrs.get("src"))
            for candidate in (attrs.get("srcset") or "").split(","):
                self.urls.append(candidate.strip().split(" ")[0])


CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)""")
CSS_IMPORT = re.compile(r"""@import\s+["']([^"']+)["']""")


def first_load_bytes(base):
    """Bytes a browser receives on a first visit to the home page (gzip accepted, no cache)."""
    from django.conf import settings

    def fetch(url):
        request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip", "User-Agent": "bench"})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
            encoding = response.headers.get("Content-Encoding", "")
        text = ""
        if encoding == "gzip":
            import gzip

            text = gzip.decompress(body).decode("utf-8", "replace")
        else:
            text = body.decode("utf-8", "replace")
        return len(body), text

    home = base + "/"
    html_bytes, html = fetch(home)
    seen, queue, assets = set(), [], {}
    parser = AssetLinks()
    parser.feed(html)
    queue = [urljoin(home, url) for url in parser.urls if url]
    while queue:
        url = queue.pop()
        if url in seen or urlparse(url).netloc != urlparse(base).netloc or url.startswith("data:"):
            continue
        seen.add(url)
        path = urlparse(url).path
        if path.startswith(settings.MEDIA_URL):
            # Uploaded images are served by the web server or object store in production, not
            # by gunicorn: their size on disk is what a browser receives (images are compressed).
            assets[path] = (Path(settings.MEDIA_ROOT) / path.removeprefix(settings.MEDIA_URL)).stat().st_size
            continue
        size, text = fetch(url)
        assets[path] = size
        if urlparse(url).path.endswith(".css"):
            for reference in CSS_URL.findall(text) + CSS_IMPORT.findall(text):
                if not reference.startswith("data:"):
                    queue.append(urljoin(url, reference))
    return {"html_bytes": html_bytes, "assets": assets, "total_bytes": html_bytes + sum(assets.values())}


# Report ------------------------------------------------------------------------------------------


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


def ensure_generated(scale, seed):
    os.environ.setdefault("DATABASE_URL", common.DEFAULT_URL)
    common.ensure_database(os.environ["DATABASE_URL"])
    import psycopg

    wanted = int(100_000 * scale * 0.99)
    with psycopg.connect(os.environ["DATABASE_URL"]) as connection:
        try:
            have = connection.execute("SELECT count(*) FROM employers_joblisting").fetchone()[0]
            recorded = connection.execute("SELECT app, name FROM django_migrations").fetchall()
        except psycopg.errors.UndefinedTable:
            have, recorded = 0, []
    foreign = foreign_migrations(recorded)
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


def foreign_migrations(recorded):
    """The project's migrations recorded in the database with no file in this tree."""
    root = Path(__file__).resolve().parent.parent
    folders = [*root.glob("*/migrations"), *root.glob("*/*/migrations")]
    ours = {folder.parent.name: folder for folder in folders if (folder / "__init__.py").exists()}
    return sorted(
        f"{app}.{name}" for app, name in recorded if app in ours and not (ours[app] / f"{name}.py").exists()
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

    from employers.models import JobListing

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

    timing = [("name", 30), ("results", 8), ("queries", 7), ("p50_ms", 8), ("p95_ms", 8)]
    if "search" in sections:
        save("job_search", job_searches(args.rounds))
        print_table("Job search with facets", report["job_search"], timing, BUDGETS_MS["job search"])
    if "matching" in sections:
        save("matching", matching(args.rounds))
        columns = [("name", 30), ("candidates", 10), ("queries", 7), ("p50_ms", 8), ("p95_ms", 8)]
        title = f"Matching against {report['open_jobs']} open jobs"
        print_table(title, report["matching"], columns, BUDGETS_MS["matching"])
    if "site" in sections:
        save("site_search", site_search(args.rounds))
        print_table("Site search (GET /search/)", report["site_search"], timing)
    if "load" in sections or "bytes" in sections:
        public, private, first_load = load(args.duration, args.pages)
        save("pages_under_load", public)
        save("logged_in_pages_under_load", private)
        save("home_first_load", first_load)
        columns = [("name", 18), ("cache", 5), ("queries", 7), ("requests", 8), ("errors", 6), ("rps", 7)]
        columns += [("p50_ms", 7), ("p95_ms", 7), ("p99_ms", 7)]
        title = f"Public pages, 8 clients, {args.duration} s each, page cache on and off"
        print_table(title, public, columns, BUDGETS_MS["page"])
        columns[1] = ("user", 22)
        staff = {name for name, _path, _email in STAFF_PAGES}
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
