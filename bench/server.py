"""The demo site a load drill runs against: its environment, its database prepared, the
addresses its visitors use, and gunicorn serving it (2 workers on loopback, production settings).

bench/soak.py and bench/faults.py both start their servers here.
"""

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

from bench import common

DEMO_PASSWORD = "second-chance-demo"  # nosec B105 # the demo logins of a throwaway database
EMPLOYER_LOGIN = "employer@example.org"


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
        foreign = common.foreign_migrations(common.recorded_migrations(database_url))
        if foreign:
            # Made by another branch or an older checkout: its schema cannot be migrated from here.
            print(
                f"The database records migrations this tree does not have ({', '.join(foreign[:3])}): made afresh.",
                flush=True,
            )
            common.ensure_database(database_url, fresh=True)
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
from jobs.models import JobListing
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

    def __init__(self, env, port, log_name="soak-gunicorn.log"):
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


def prepared_site(database_url, **extra):
    """The environment of a drill's server on a prepared database, and its visitors' addresses.
    The visitors log in with the password the demo content was loaded with."""
    env = environment(database_url, **extra)
    os.environ.setdefault("DEMO_PASSWORD", env["DEMO_PASSWORD"])
    prepare(database_url, env)
    return env, site_addresses(env)
