"""The load measurements of `make bench`: pages under 8 concurrent clients (Debian's `wrk`)
against gunicorn with 2 workers on loopback, public pages with the page cache on and off,
logged-in people's pages and staff screens with a session cookie, and the bytes of the home
page's first load. Called after common.configure(), like bench/measure.py."""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import common
from measure import count_queries

PORT = int(os.environ.get("BENCH_PORT", "8765"))
LUA = Path(__file__).resolve().parent / "wrk_report.lua"


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
