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
bench/faults.py reuses the server, the visitors and the report.
"""

import argparse
import itertools
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common, forms

SOAK_URL = "postgres://postgres@127.0.0.1:5432/portal_soak"
PORT = 8731
DEMO_PASSWORD = "second-chance-demo"  # nosec B105 # the demo logins of a throwaway database
EMPLOYER_LOGIN = "employer@example.org"
SEARCH_WORDS = ["kitchen", "warehouse", "driver", "care", "construction", "retail", "story", "work", "chef"]
# A confirmed page is a 200; a sign-up, a log-in or a form answer is a redirect.
FINE = {200, 302}
# allauth allows 30 log-ins a minute per address; 4 employer clients at one each 10 s stay below.
LOGIN_INTERVAL = 10
# Every address a visitor signs up with and every draft it saves carries this run's mark, so the
# database tells what this run did (and nothing an earlier run left).
RUN = f"{os.getpid()}-{int(time.time())}"
# Each visitor of the run (the drills start several sets) signs up with addresses of its own.
VISITOR_IDS = itertools.count()
PLEDGE_EMAIL = "soak-{run}-{visitor}-{n}@example.org"
DRAFT_TITLE = "Soak draft {run} {visitor}-{n}"


def environment(database_url, **extra):
    env = {**os.environ}
    for name, value in common.BENCH_ENVIRONMENT.items():
        env.setdefault(name, value)
    env.update(
        {
            "DATABASE_URL": database_url,
            "PYTHONPATH": str(common.ROOT),
            "DEMO_PASSWORD": env.get("DEMO_PASSWORD", DEMO_PASSWORD),
            # Every sign-up comes from 127.0.0.1: the per-address limit would answer 429.
            "PLEDGE_RATE_LIMIT": "1000000/h",
            # Behind no proxy here: plain HTTP on loopback.
            "SECURE_SSL_REDIRECT": "0",
            "SESSION_COOKIE_SECURE": "0",
            "CSRF_COOKIE_SECURE": "0",
            "SECURE_HSTS_SECONDS": "0",
        }
    )
    env.update(extra)
    return env


def manage(env, *args, **kwargs):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=common.ROOT, env=env, check=True, **kwargs
    )


def prepare(database_url, env):
    """Migrate, and load the demo content when the database has no demo logins yet."""
    import psycopg

    own_database = common.database_name(database_url) != common.database_name(common.DEFAULT_URL)
    if own_database:
        common.ensure_database(database_url)
    manage(env, "migrate", "--no-input", "-v", "0")
    with psycopg.connect(database_url) as connection:
        has_employer = connection.execute(
            "SELECT 1 FROM accounts_user WHERE email = %s", [EMPLOYER_LOGIN]
        ).fetchone()
        pictures = [row[0] for row in connection.execute("SELECT file FROM wagtailimages_image")]
    media = Path(env.get("MEDIA_ROOT") or common.ROOT / "media")
    if has_employer and own_database and not all((media / picture).exists() for picture in pictures):
        # The database outlived the folder its pictures were uploaded to (a run from another
        # clone): every page showing one would answer 500, so it is loaded afresh here.
        print("The demo pictures of this database are not in this folder: loading it afresh ...", flush=True)
        common.ensure_database(database_url, fresh=True)
        manage(env, "migrate", "--no-input", "-v", "0")
        has_employer = False
    if not has_employer:
        print("Loading the demo content ...", flush=True)
        manage(env, "load_demo_content", stdout=subprocess.DEVNULL)
    manage(env, "collectstatic", "--no-input", "-v", "0")


def site_addresses(env):
    """The URLs the visitors use, read from the database by a short Django process."""
    code = r"""
import json, sys, django
django.setup()
from campaigns.models import CampaignPage
from stories.models import StoryPage
from employers.models import JobListing
stories = [p.url for p in StoryPage.objects.live().order_by("-pk")[:40]]
campaigns = [p.url for p in CampaignPage.objects.live().order_by("pk") if p.is_live][:10]
jobs = [j.get_absolute_url() for j in JobListing.objects.published().order_by("-pk")[:60]]
own = list(JobListing.objects.filter(employer__memberships__user__email=sys.argv[1]).values_list("pk", flat=True)[:10])
print(json.dumps({"stories": stories, "campaigns": campaigns, "jobs": jobs, "employer_jobs": own}))
"""
    output = subprocess.run(
        [sys.executable, "-c", code, EMPLOYER_LOGIN],
        cwd=common.ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


class Server:
    """gunicorn with 2 workers on loopback; the workers' resident memory read from /proc."""

    def __init__(self, env, port=PORT, log_name="soak-gunicorn.log"):
        self.env, self.port = env, port
        self.base = f"http://127.0.0.1:{port}"
        self.log_path = common.RESULTS / log_name

    def __enter__(self):
        common.refuse_taken_port(self.port)
        common.RESULTS.mkdir(parents=True, exist_ok=True)
        self.log = open(self.log_path, "w")
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        self.process = subprocess.Popen(
            [gunicorn, "portal.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{self.port}",
             "--timeout", "60", "--graceful-timeout", "10"],
            cwd=common.ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                requests.get(f"{self.base}/healthz", timeout=5)
                return self
            except requests.RequestException:
                if self.process.poll() is not None:
                    self.log.close()
                    raise SystemExit(f"gunicorn stopped: see {self.log_path}") from None
                time.sleep(0.5)
        self.__exit__()
        raise SystemExit("gunicorn did not answer within 90 s")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()

    def worker_pids(self):
        pids = []
        for task in Path(f"/proc/{self.process.pid}/task").glob("*/children"):
            pids += [int(pid) for pid in task.read_text().split()]
        return sorted(pids)

    def worker_rss_mb(self):
        sizes = {}
        for pid in self.worker_pids():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except FileNotFoundError:
                continue
            kilobytes = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
            sizes[pid] = round(kilobytes / 1024, 1)
        return sizes


class Recorder:
    """Every answer: kind, status (0 for no answer), seconds; thread-safe."""

    def __init__(self):
        self.lock = threading.Lock()
        self.samples = defaultdict(list)
        self.statuses = defaultdict(lambda: defaultdict(int))
        self.failures = []
        self.missed = defaultdict(int)  # work a visitor could not even try (a form not found)

    def missing(self, what, url):
        with self.lock:
            self.missed[what] += 1
            if len(self.failures) < 50:
                self.failures.append({"kind": "missing", "what": what, "url": url})

    def record(self, kind, status, seconds, url, fine):
        with self.lock:
            self.samples[kind].append(seconds)
            self.statuses[kind][status] += 1
            if not fine and len(self.failures) < 50:
                self.failures.append({"kind": kind, "status": status, "url": url})

    def total(self):
        return sum(len(values) for values in self.samples.values())

    def count(self, accept):
        return sum(n for kind in self.statuses.values() for status, n in kind.items() if accept(status))

    def table(self, fine=FINE):
        rows = []
        for kind in sorted(self.samples):
            values = self.samples[kind]
            errors = sum(n for status, n in self.statuses[kind].items() if status not in fine)
            rows.append(
                {
                    "kind": kind,
                    "requests": len(values),
                    "errors": errors,
                    "p50_ms": round(common.percentile(values, 0.5) * 1000, 1),
                    "p95_ms": round(common.percentile(values, 0.95) * 1000, 1),
                    "statuses": dict(self.statuses[kind]),
                }
            )
        return rows


class Visitor:
    """One client: a requests session doing the weighted mix until told to stop."""

    MIX = [("page", 45), ("search", 20), ("pledge", 10), ("employer", 25)]

    def __init__(self, base, addresses, recorder, number, employer=False, fine=FINE, timeout=30, mix=None):
        self.base, self.addresses, self.recorder = base, addresses, recorder
        self.number, self.employer, self.fine, self.timeout = number, employer, fine, timeout
        self.mix = mix or self.MIX
        self.uid = next(VISITOR_IDS)
        self.signed_up = []  # addresses whose sign-up was answered (not a 503 of an outage)
        self.tried = set()  # every address and draft title this visitor submitted
        self.session = requests.Session()
        self.random = random.Random(number)  # nosec B311 # a reproducible traffic mix, not a secret
        self.logged_in = False
        self.next_login = 0.0
        self.pledges = itertools.count()
        self.drafts = itertools.count()
        self.drafts_saved = []  # titles of the drafts whose save was answered with a redirect

    def get(self, kind, path, **kwargs):
        return self.call(kind, "GET", path, **kwargs)

    def call(self, kind, method, path, **kwargs):
        started = time.monotonic()
        try:
            response = self.session.request(
                method, self.base + path, timeout=self.timeout, allow_redirects=False, **kwargs
            )
            status = response.status_code
        except requests.RequestException:
            response, status = None, 0
        elapsed = time.monotonic() - started
        self.recorder.record(kind, status, elapsed, path, status in self.fine)
        return response

    def page(self):
        choice = self.random.random()
        if choice < 0.15:
            path = "/"
        elif choice < 0.35 and self.addresses["stories"]:
            path = self.random.choice(self.addresses["stories"])
        elif choice < 0.45 and self.addresses["campaigns"]:
            path = self.random.choice(self.addresses["campaigns"])
        elif choice < 0.6:
            path = "/jobs/"
        elif choice < 0.8 and self.addresses["jobs"]:
            path = self.random.choice(self.addresses["jobs"])
        elif choice < 0.9:
            path = "/pledge-wall/"
        else:
            path = self.random.choice(["/stories/", "/campaigns/", "/incentives/", "/about/"])
        self.get("page", path)

    def search(self):
        word = self.random.choice(SEARCH_WORDS)
        if self.random.random() < 0.5:
            self.get("search", "/search/?" + urlencode({"q": word}))
        else:
            self.get("search", "/jobs/?" + urlencode({"q": word}))

    def pledge(self):
        """The campaign page, then its pledge form submitted as a browser would (to the form's own
        action, with every field the page gives). Outcomes are counted in the database, not read
        from the answer: every outcome reads the same to the person who submits."""
        if not self.addresses["campaigns"]:
            return self.page()
        campaign = self.random.choice(self.addresses["campaigns"])
        page = self.get("pledge-form", campaign)
        form = page_form(page, self.base + campaign, "email")
        if form is None:
            if page is not None and page.status_code == 200:
                self.recorder.missing("pledge form on the campaign page", campaign)
            return None
        email = PLEDGE_EMAIL.format(run=RUN, visitor=self.uid, n=next(self.pledges))
        self.tried.add(email)
        data = pledge_data(form, email, self.number)
        response = self.call(
            "pledge-signup", form.method.upper(), relative(form.action, self.base), data=data
        )
        if response is not None and response.status_code in FINE:
            # Submitted and answered (not a 503 of an outage): the database says if it was stored.
            self.signed_up.append(email)
        return response

    def log_in(self):
        """At most one attempt per LOGIN_INTERVAL seconds, as a person would: retrying at every
        action while the site is down would run into the log-in rate limit (429) afterwards."""
        if time.monotonic() < self.next_login:
            return False
        self.next_login = time.monotonic() + LOGIN_INTERVAL
        form = self.get("employer", "/accounts/login/")
        token = csrf_token(form)
        if token is None:
            return False
        data = {
            "csrfmiddlewaretoken": token,
            "login": EMPLOYER_LOGIN,
            "password": os.environ["DEMO_PASSWORD"],
        }
        response = self.call("employer", "POST", "/accounts/login/", data=data)
        self.logged_in = response is not None and response.status_code == 302
        return self.logged_in

    def employer_action(self):
        if not self.employer:
            return self.page()
        if not self.logged_in and not self.log_in():
            return self.page()
        jobs = self.addresses["employer_jobs"]
        choice = self.random.random()
        if choice < 0.1 or not self.drafts_saved:  # the first employer action saves a draft
            return self.save_draft()
        if choice < 0.3 or not jobs:
            path = "/employer/"
        elif choice < 0.55:
            path = "/employer/jobs/"
        elif choice < 0.75:
            path = f"/employer/jobs/{self.random.choice(jobs)}/"
        else:
            path = f"/employer/jobs/{self.random.choice(jobs)}/matches/"
        response = self.get("employer", path)
        if (
            response is not None
            and response.status_code == 302
            and "/accounts/login/" in response.headers.get("Location", "")
        ):
            self.logged_in = False
        return response

    def save_draft(self):
        """An employer action that writes: a new job listing saved as a draft."""
        page = self.get("employer-draft", "/employer/jobs/new/")
        form = page_form(page, self.base + "/employer/jobs/new/", "title")
        if form is None:
            if page is not None and page.status_code == 302:
                self.logged_in = False  # logged out meanwhile: log in again next time
            elif page is not None and page.status_code == 200:
                self.recorder.missing("job listing form", "/employer/jobs/new/")
            return None

        title = DRAFT_TITLE.format(run=RUN, visitor=self.uid, n=next(self.drafts))
        self.tried.add(title)
        data = draft_data(form, title)
        response = self.call("employer-draft", "POST", relative(form.action, self.base), data=data)
        if response is not None and response.status_code == 302:
            self.drafts_saved.append(title)
        elif response is not None and response.status_code == 400:
            self.recorder.missing("a valid draft (the form answered 400)", "/employer/jobs/new/")
        return response

    def run(self, stop):
        actions = {
            "page": self.page,
            "search": self.search,
            "pledge": self.pledge,
            "employer": self.employer_action,
        }
        names = [name for name, _weight in self.mix]
        weights = [weight for _name, weight in self.mix]
        while not stop.is_set():
            actions[self.random.choices(names, weights)[0]]()


def pledge_data(form, email, number=0):
    """What a supporter types into the campaign page's pledge form (the rest as the page gives)."""
    regions = form.choices("region")
    return form.data(
        name=f"Soak supporter {number}",
        email=email,
        region=regions[0] if regions else "",
        count_publicly="on",
    )


def draft_data(form, title):
    """What an employer types into the new job listing form to save a draft."""

    def first(name):
        return (form.choices(name) or [""])[0]

    return form.data(
        title=title,
        description="<p>Kitchen work on a friendly team; training given from the first day.</p>",
        sector=first("sector"),
        employment_type=first("employment_type"),
        region=first("region"),
        place="Manchester",
        fair_chance_statement="We ask about convictions only after an offer, and only when the law requires it.",
        apply_method="portal",
    )


def page_form(response, url, with_field):
    if response is None or response.status_code != 200:
        return None
    return forms.find_form(response.text, url, with_field)


def relative(url, base):
    return url.removeprefix(base)


def csrf_token(response):
    if response is None or response.status_code != 200:
        return None
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)
    return match.group(1) if match else None


def start_visitors(base, addresses, recorder, clients, fine=FINE, timeout=30, mix=None):
    """Half the clients are logged-in employers (their mix includes the employer area)."""
    stop = threading.Event()
    visitors = [
        Visitor(
            base, addresses, recorder, number, employer=number % 2 == 1, fine=fine, timeout=timeout, mix=mix
        )
        for number in range(clients)
    ]
    threads = [threading.Thread(target=visitor.run, args=(stop,), daemon=True) for visitor in visitors]
    for thread in threads:
        thread.start()
    return stop, threads, visitors


def outcomes(database_url, visitors):
    """What this run's visitors did, as the database holds it: the sign-ups it accepted (pending
    or confirmed pledges with this run's addresses) and the drafts it saved."""
    import psycopg

    with psycopg.connect(database_url) as connection:
        accepted = connection.execute(
            "SELECT email FROM campaigns_supporterpledge WHERE email LIKE %s AND status IN ('pending', 'confirmed')",
            [PLEDGE_EMAIL.format(run=RUN, visitor="%", n="%")],
        ).fetchall()
        saved = connection.execute(
            "SELECT title FROM employers_joblisting WHERE title LIKE %s AND status = 'draft'",
            [DRAFT_TITLE.format(run=RUN, visitor="%", n="%")],
        ).fetchall()
    tried = {item for visitor in visitors for item in visitor.tried}  # these visitors' own
    return {
        "submitted": {email for visitor in visitors for email in visitor.signed_up},
        "accepted": {email for (email,) in accepted} & tried,
        "drafts_answered": {title for visitor in visitors for title in visitor.drafts_saved},
        "drafts_saved": {title for (title,) in saved} & tried,
    }


def answered(recorder, kind, status=200):
    return recorder.statuses[kind].get(status, 0) if kind in recorder.statuses else 0


def work_checks(recorder, done, employers=True):
    """Each kind of action the soak names, and whether it happened: {name: (count, passed)}.
    A run that did none of its work fails, whatever its error count."""
    checks = {
        "pages answered (200)": (answered(recorder, "page"), answered(recorder, "page") > 0),
        "searches answered (200)": (answered(recorder, "search"), answered(recorder, "search") > 0),
        "pledge sign-ups accepted (in the database)": (
            len(done["accepted"]),
            bool(done["accepted"]) and done["submitted"] <= done["accepted"],
        ),
    }
    if employers:
        checks["employer pages answered (200)"] = (
            answered(recorder, "employer"),
            answered(recorder, "employer") > 0,
        )
        checks["employer drafts saved (in the database)"] = (
            len(done["drafts_saved"]),
            bool(done["drafts_saved"]) and done["drafts_answered"] <= done["drafts_saved"],
        )
    checks["forms found on their pages"] = (
        dict(recorder.missed) or "all",
        not recorder.missed,
    )
    return checks


def print_checks(checks):
    for name, (count, passed) in checks.items():
        print(f"  {'ok    ' if passed else 'FAILED'} {name}: {count}")


def memory_trend(samples):
    """MB per minute over the samples after the first minute (warm-up), by least squares."""
    points = [(t, sum(sizes.values()) / max(len(sizes), 1)) for t, sizes in samples if t >= 60 and sizes]
    if len(points) < 3:
        return None
    mean_t = sum(t for t, _ in points) / len(points)
    mean_m = sum(m for _, m in points) / len(points)
    covariance = sum((t - mean_t) * (m - mean_m) for t, m in points)
    variance = sum((t - mean_t) ** 2 for t, _ in points)
    return round(covariance / variance * 60, 2) if variance else None


def print_rows(rows):
    print(f"{'kind':16} {'requests':>9} {'errors':>7} {'p50 ms':>8} {'p95 ms':>8}  statuses")
    for row in rows:
        print(
            f"{row['kind']:16} {row['requests']:>9} {row['errors']:>7} {row['p50_ms']:>8} {row['p95_ms']:>8}  "
            f"{row['statuses']}"
        )


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
    env = environment(args.database_url)
    os.environ.setdefault("DEMO_PASSWORD", env["DEMO_PASSWORD"])
    prepare(args.database_url, env)
    addresses = site_addresses(env)
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
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
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
