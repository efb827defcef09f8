"""Without REDIS_URL every process shares one cache (the database), so rate limits count once and a
publish drops every process's cached pages; `check --deploy` warns that production wants Redis."""

import secrets

import pytest
from django.core.checks import run_checks
from django.core.management import call_command
from django.db import connection

from tests.portal.test_operations import run_manage

EMBEDDED = {
    "DEBUG": "1",
    "DATABASE_URL": "",
    "REDIS_URL": "",
    "EMAIL_URL": "",
    "ELASTICSEARCH_URL": "",
    "OPENSEARCH_URL": "",
}


def test_two_processes_see_each_other_s_cache_entries(tmp_path):
    environment = {**EMBEDDED, "SQLITE_PATH": str(tmp_path / "embedded.sqlite3")}
    # Only the cache table is needed here (that migrate creates it is the next test's concern);
    # a whole-site migrate in a subprocess cost the suite a minute and a half.
    created = run_manage("createcachetable", **environment)
    assert created.returncode == 0, created.stderr
    writer = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.core.cache import cache; cache.set('seen-by', 'first', 60)",
        **environment,
    )
    assert writer.returncode == 0, writer.stderr
    reader = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.core.cache import cache; print(cache.get('seen-by'))",
        **environment,
    )
    assert reader.returncode == 0, reader.stderr
    assert reader.stdout.strip() == "first"


@pytest.mark.django_db
def test_migrate_creates_the_cache_table_of_the_database_cache(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache_probe",
        }
    }
    assert "portal_cache_probe" not in connection.introspection.table_names()
    call_command("migrate", verbosity=0)
    assert "portal_cache_probe" in connection.introspection.table_names()


def test_check_deploy_warns_when_production_runs_without_redis(settings):
    settings.DEBUG, settings.REDIS_URL = False, ""
    assert "portal.W001" in {message.id for message in run_checks(include_deployment_checks=True)}
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"
    assert "portal.W001" not in {message.id for message in run_checks(include_deployment_checks=True)}


def test_check_deploy_in_a_production_process_without_redis_names_the_warning():
    result = run_manage(
        "check",
        "--deploy",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="portal.example.org",
        REDIS_URL="",
    )
    assert "portal.W001" in result.stderr + result.stdout


def test_the_redis_cache_reuses_one_client_and_keeps_every_operation(settings):
    """portal.redis_cache: one Redis client per pool instead of one per call (issue 22), with the
    counters, adds and deletes the generations and rate limits rely on unchanged."""
    if not settings.REDIS_URL:
        pytest.skip("needs REDIS_URL (the PostgreSQL + Redis suite)")
    from django.core.cache import cache

    client = cache._cache.get_client()
    assert cache._cache.get_client("another-key", write=True) is client
    cache.set("reuse:a", {"x": 1}, 30)
    assert cache.get("reuse:a") == {"x": 1}
    assert cache.add("reuse:counter", 1, None) and not cache.add("reuse:counter", 5, None)
    assert cache.incr("reuse:counter") == 2
    cache.delete_many(["reuse:a", "reuse:counter"])
    assert cache.get_many(["reuse:a", "reuse:counter"]) == {}
