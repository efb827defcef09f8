"""What every bench script shares: the bench database, Django settings for it, a progress bar.

The bench database is its own (DATABASE_URL, default .../portal_bench_national): the scripts
create, migrate, fill and may drop it. Never point DATABASE_URL at a database you care about.
"""

import os
import socket
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
# Everything a bench command prepares for itself (collected static files, logs of its servers)
# lives under var/ in the clone, which git ignores: nothing outside the clone, nothing tracked.
VAR = ROOT / "var"
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/portal_bench_national"

BENCH_ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "portal.settings",
    "DATABASE_URL": DEFAULT_URL,
    "DEBUG": "0",
    "SECRET_KEY": "bench-only-secret-key-not-used-anywhere-else-0123456789abcdef",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "REDIS_URL": "redis://127.0.0.1:6379/3",
    "CACHE_KEY_PREFIX": "bench",
    # Production settings on plain-HTTP loopback: no redirect to https, cookies over http.
    "SECURE_SSL_REDIRECT": "0",
    "SESSION_COOKIE_SECURE": "0",
    "CSRF_COOKIE_SECURE": "0",
    # DEBUG off serves collected, hashed static files: collected by collect_static() into a folder
    # of the bench's own, inside the clone but untracked (var/ is in .gitignore).
    "STATIC_ROOT": str(VAR / "bench" / "static"),
}


def configure():
    """Environment for the bench (kept where the caller set it), then django.setup()."""
    for name, value in BENCH_ENVIRONMENT.items():
        os.environ.setdefault(name, value)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def collect_static():
    """Collect the static files into STATIC_ROOT (after configure()): with DEBUG off every page
    names its stylesheet by the manifest's hashed name, and a page rendered before the first
    collectstatic fails with "Missing staticfiles manifest entry". Unchanged files are skipped."""
    from django.conf import settings
    from django.core.management import call_command

    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    call_command("collectstatic", interactive=False, verbosity=0)


def refuse_taken_port(port):
    """Stop before starting a server on a port something already answers on (an earlier run's
    server left behind would otherwise be measured instead of this tree's)."""
    with socket.socket() as probe:
        probe.settimeout(1)
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            raise SystemExit(
                f"127.0.0.1:{port} is taken (a server left by an earlier run?): stop it or choose another port"
            )


def database_name(url=None):
    return (url or os.environ["DATABASE_URL"]).rsplit("/", 1)[1]


def _admin_connection(url):
    import psycopg

    return psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True)


def ensure_database(url, fresh=False):
    """Create the bench database if missing; with `fresh`, drop it first."""
    name = database_name(url)
    if name in {"postgres", "test", "template0", "template1"}:
        raise SystemExit(f"Refusing to use the database {name!r} for benchmarks.")
    with _admin_connection(url) as connection:
        if fresh:
            connection.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name]
            )
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def foreign_migrations(recorded):
    """The project's migrations recorded in a database with no file in this tree (a database made
    by another branch or an older checkout, such as one from before the migrations reset)."""
    folders = [*ROOT.glob("*/migrations"), *ROOT.glob("*/*/migrations")]
    ours = {folder.parent.name: folder for folder in folders if (folder / "__init__.py").exists()}
    return sorted(
        f"{app}.{name}" for app, name in recorded if app in ours and not (ours[app] / f"{name}.py").exists()
    )


def recorded_migrations(url):
    """(app, name) of every migration the database records; none when it has no table yet."""
    import psycopg

    with psycopg.connect(url) as connection:
        try:
            return connection.execute("SELECT app, name FROM django_migrations").fetchall()
        except psycopg.errors.UndefinedTable:
            return []


def percentile(samples, fraction):
    ordered = sorted(samples)
    if not ordered:
        return None
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


class Progress:
    """A one-line progress bar on stderr (no dependency): `with Progress("jobs", total) as bar:`."""

    def __init__(self, label, total):
        self.label, self.total, self.done = label, max(total, 1), 0
        self.started = self.shown = time.monotonic()

    def __enter__(self):
        self._draw()
        return self

    def advance(self, count=1):
        self.done += count
        if time.monotonic() - self.shown > 0.2 or self.done >= self.total:
            self._draw()

    def _draw(self):
        self.shown = time.monotonic()
        share = min(1.0, self.done / self.total)
        bar = "#" * int(share * 30)
        elapsed = self.shown - self.started
        sys.stderr.write(f"\r{self.label:12} [{bar:30}] {self.done:>7}/{self.total} {elapsed:6.1f}s")
        sys.stderr.flush()

    def __exit__(self, *exc):
        if self.done < self.total:
            self._draw()
        sys.stderr.write("\n")
