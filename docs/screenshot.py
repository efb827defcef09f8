"""The README's screenshot of the home page (`make screenshot`), taken with Debian's chromium.

    .venv/bin/python docs/screenshot.py                          # its own demo site -> docs/home.png
    .venv/bin/python docs/screenshot.py --out var/screenshot/home.png
    .venv/bin/python docs/screenshot.py --url http://127.0.0.1:8000/   # a site already running

Without --url it prepares a site of its own, whatever ran before: a SQLite database and media
under var/screenshot/ (untracked), migrated and loaded with the demo content (both idempotent),
served by `manage.py runserver` on loopback (SCREENSHOT_PORT, else a free port) only while the
screenshot is taken. It checks the picture it wrote: a PNG as wide as asked, not a blank page.
"""

import argparse
import os
import socket
import struct
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OWN = ROOT / "var" / "screenshot"
CHROMIUM = "/usr/bin/chromium"
# The embedded mode of `make run`, whatever the calling shell points at.
NOT_INHERITED = (
    "DATABASE_URL",
    "REDIS_URL",
    "ELASTICSEARCH_URL",
    "OPENSEARCH_URL",
    "EMAIL_URL",
    "TASKS_BACKEND",
    "STATIC_ROOT",
)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="take the picture of this running site instead of its own")
    parser.add_argument("--out", default=str(ROOT / "docs" / "home.png"))
    parser.add_argument("--width", type=int, default=1280)
    return parser.parse_args(argv)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def own_site_environment():
    env = {name: value for name, value in os.environ.items() if name not in NOT_INHERITED}
    env.update(
        DEBUG="1",
        SQLITE_PATH=str(OWN / "db.sqlite3"),
        MEDIA_ROOT=str(OWN / "media"),
        PAGE_CACHE_SECONDS="0",
        PYTHONPATH=str(ROOT),
    )
    return env


def prepare(env):
    OWN.mkdir(parents=True, exist_ok=True)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "load_demo_content"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


class OwnSite:
    """runserver on loopback for the length of a `with`, its log in var/screenshot/server.log."""

    def __init__(self, env):
        self.env = env
        self.port = int(os.environ.get("SCREENSHOT_PORT") or free_port())
        self.url = f"http://127.0.0.1:{self.port}/"

    def __enter__(self):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                raise SystemExit(
                    f"127.0.0.1:{self.port} is taken: stop what runs there or set SCREENSHOT_PORT"
                )
        self.log = open(OWN / "server.log", "w")  # closed in __exit__
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{self.port}", "--noreload"],
            cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "healthz", timeout=5).read()
                return self
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.5)
        self.__exit__()
        raise SystemExit(f"the screenshot's server did not answer: see {OWN / 'server.log'}")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def shoot(url, out, width):
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        page = browser.new_page(viewport={"width": width, "height": 900})
        response = page.goto(url, wait_until="networkidle")
        if response is None or response.status != 200:
            raise SystemExit(f"{url} answered {response.status if response else 'nothing'}")
        page.screenshot(path=out, full_page=True)
        browser.close()


def check_png(out, width):
    """A PNG of the asked width and at least a screen high, with more than a blank page's bytes."""
    data = Path(out).read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{out} is not a PNG")
    png_width, png_height = struct.unpack(">II", data[16:24])
    if png_width != width or png_height < 900 or len(data) < 20_000:
        raise SystemExit(f"{out}: {png_width}x{png_height}, {len(data)} bytes: not the home page")
    return png_width, png_height, len(data)


def main(argv=None):
    args = parse_args(argv)
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: apt-get install -y chromium (make screenshot installs it)")
    if args.url:
        shoot(args.url, args.out, args.width)
    else:
        env = own_site_environment()
        prepare(env)
        with OwnSite(env) as site:
            shoot(site.url, args.out, args.width)
    png_width, png_height, size = check_png(args.out, args.width)
    print(f"saved {args.out} ({png_width}x{png_height}, {size} bytes)")


if __name__ == "__main__":
    main()
