import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from tests.campaigns.factories import LiveCampaignPageFactory
from tests.crawl import sitemap_urls
from tests.stories.factories import DraftStoryPageFactory, StoryPageFactory

PROJECT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    # tests/settings.py relaxes these for the test process; a fresh process must not inherit that.
    relaxed = {"DEBUG", "SECRET_KEY", "SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE"}
    environment = {key: value for key, value in os.environ.items() if key not in relaxed}
    environment.update(DJANGO_SETTINGS_MODULE="portal.settings", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT, env=environment, capture_output=True, text=True
    )


class TestHealth:
    def test_healthz_says_the_process_is_up(self, client, db):
        response = client.get("/healthz")
        assert response.status_code == 200
        assert response.json() == {"status": "ok"}
        assert "no-cache" in response["Cache-Control"]

    def test_readyz_reports_database_and_search(self, client, db):
        response = client.get("/readyz")
        assert response.status_code == 200
        assert response.json() == {"status": "ok", "database": "ok", "search": "ok"}

    def test_readyz_is_degraded_when_elasticsearch_does_not_answer(self, client, db, settings):
        settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # a closed port
        settings.WAGTAILSEARCH_BACKENDS = {
            "default": {
                "BACKEND": "wagtail.search.backends.elasticsearch8",
                "URLS": ["http://127.0.0.1:9"],
                "TIMEOUT": 1,
                "OPTIONS": {"max_retries": 0},
            }
        }
        response = client.get("/readyz")
        assert response.status_code == 200
        assert response.json()["status"] == "degraded"
        assert response.json()["search"] == "degraded"


class TestCrawlers:
    def test_robots_txt_names_the_sitemap_and_hides_private_areas(self, client, db):
        body = client.get("/robots.txt").content.decode()
        assert "Sitemap: http://testserver/sitemap.xml" in body
        for private in ("/admin/", "/search/", "/support/"):
            assert f"Disallow: {private}" in body

    def test_sitemap_lists_live_pages_only(self, client, story_index, campaign_index):
        live = StoryPageFactory(parent=story_index)
        draft = DraftStoryPageFactory(parent=story_index)
        campaign = LiveCampaignPageFactory(parent=campaign_index)
        urls = set(sitemap_urls(client))
        assert f"http://testserver{live.url}" in urls
        assert f"http://testserver{campaign.url}" in urls
        assert "http://testserver/stories/" in urls
        assert f"http://testserver/stories/{draft.slug}/" not in urls

    def test_missing_page_is_a_friendly_404(self, client, home):
        response = client.get("/no-such-page/")
        assert response.status_code == 404
        assert "Page not found" in response.content.decode()


class TestSettings:
    def test_refuses_to_start_without_secret_key_when_debug_is_off(self):
        result = run_manage("check")
        assert result.returncode != 0
        assert "SECRET_KEY is not set and DEBUG is off" in result.stderr

    def test_debug_mode_runs_without_secret_key(self):
        assert run_manage("check", DEBUG="1").returncode == 0

    def test_check_deploy_is_clean_with_production_variables(self):
        result = run_manage(
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="portal.example.org",
            DATABASE_URL="postgres://postgres@127.0.0.1:5432/portal",
            REDIS_URL="redis://127.0.0.1:6379/0",
            ELASTICSEARCH_URL="http://127.0.0.1:9200",
            OPENSEARCH_URL="",
            EMAIL_URL="smtp://mailer:secret@127.0.0.1:2525?tls=1",
        )
        assert result.returncode == 0, result.stderr
        assert "no issues" in result.stdout

    def test_production_variables_switch_the_parts(self):
        script = (
            "from django.conf import settings as s;"
            "print(s.DATABASES['default']['ENGINE']);"
            "print(s.CACHES['default']['BACKEND']);"
            "print(s.WAGTAILSEARCH_BACKENDS['default']['BACKEND']);"
            "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS, s.EMAIL_HOST_USER);"
            "print(s.TASKS['default']['BACKEND'])"
        )
        result = run_manage(
            "shell",
            "--no-imports",
            "-c",
            script,
            SECRET_KEY=secrets.token_urlsafe(50),
            DATABASE_URL="postgres://postgres@db.internal:5432/portal",
            REDIS_URL="redis://cache.internal:6379/0",
            ELASTICSEARCH_URL="http://search.internal:9200",
            OPENSEARCH_URL="",
            EMAIL_URL="smtp://mailer:s%40cret@mail.internal:587?tls=1",
            TASKS_BACKEND="database",
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.split("\n")[:5] == [
            "django.db.backends.postgresql",
            "portal.redis_cache.ReusedClientRedisCache",
            "wagtail.search.backends.elasticsearch8",
            "django.core.mail.backends.smtp.EmailBackend mail.internal 587 True mailer",
            "django_tasks_db.DatabaseBackend",
        ]

    def test_opensearch_url_gives_wagtail_the_opensearch_backend(self):
        script = (
            "from django.conf import settings as s;"
            "print(s.WAGTAILSEARCH_BACKENDS['default']['BACKEND'], s.WAGTAILSEARCH_BACKENDS['default']['URLS'])"
        )
        result = run_manage(
            "shell",
            "--no-imports",
            "-c",
            script,
            DEBUG="1",
            ELASTICSEARCH_URL="",
            OPENSEARCH_URL="http://search.internal:9200",
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "wagtail.search.backends.opensearch2 ['http://search.internal:9200']"

    def test_both_search_servers_named_refuses_to_start(self):
        result = run_manage(
            "check",
            DEBUG="1",
            ELASTICSEARCH_URL="http://127.0.0.1:9200",
            OPENSEARCH_URL="http://127.0.0.1:9201",
        )
        assert result.returncode != 0
        assert "ELASTICSEARCH_URL and OPENSEARCH_URL are both set" in result.stderr

    def test_embedded_defaults(self):
        script = (
            "from django.conf import settings as s;"
            "print(s.DATABASES['default']['ENGINE']);"
            "print(s.CACHES['default']['BACKEND']);"
            "print(s.WAGTAILSEARCH_BACKENDS['default']['BACKEND']);"
            "print(s.EMAIL_BACKEND);"
            "print(s.TASKS['default']['BACKEND'])"
        )
        environment = {
            "DEBUG": "1",
            "DATABASE_URL": "",
            "REDIS_URL": "",
            "ELASTICSEARCH_URL": "",
            "OPENSEARCH_URL": "",
            "EMAIL_URL": "",
        }
        result = run_manage("shell", "--no-imports", "-c", script, **environment)
        assert result.stdout.split("\n")[:5] == [
            "django.db.backends.sqlite3",
            "django.core.cache.backends.db.DatabaseCache",
            "wagtail.search.backends.database",
            "django.core.mail.backends.console.EmailBackend",
            "django_tasks.backends.immediate.ImmediateBackend",
        ]


def rows_in_every_table():
    from django.apps import apps

    return {model._meta.label: model._base_manager.count() for model in apps.get_models()}


@pytest.mark.django_db
def test_demo_content_loads_and_running_it_twice_changes_nothing(capsys):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from campaigns.models import CampaignPage, SupporterPledge
    from stories.models import StoryPage

    call_command("load_demo_content")
    first_output = capsys.readouterr().out
    from incentives.models import IncentiveScheme

    assert IncentiveScheme.objects.filter(country="XX").count() == 4  # the examples are demo content
    # Running it again adds nothing anywhere: every table of every app, counted before and after
    # (the apps' own demo tests rely on this one instead of each loading the demo twice).
    counts = rows_in_every_table()
    call_command("load_demo_content")
    assert rows_in_every_table() == counts

    assert StoryPage.objects.live().count() >= 12
    assert len({story.region for story in StoryPage.objects.all()}) >= 6
    assert {campaign.phase for campaign in CampaignPage.objects.live()} == {"live", "upcoming", "ended"}
    # The live campaign's stories end with a link to it.
    assert {story.campaign.phase for story in StoryPage.objects.filter(campaign__isnull=False)} == {"live"}
    assert SupporterPledge.objects.confirmed().exists()
    assert "editor@example.org" in first_output and "moderator@example.org" in first_output
    assert "password: second-chance-demo" in first_output
    editor = get_user_model().objects.get(email="editor@example.org")
    assert editor.check_password("second-chance-demo")
    assert editor.groups.filter(name="Campaign editors").exists()

    from allauth.account.models import EmailAddress

    from employers.models import Employer, HiringPledge

    assert Employer.objects.count() == 30
    assert Employer.objects.pending().exists()
    assert Employer.objects.verified().count() >= 20
    assert len({employer.sector for employer in Employer.objects.all()}) >= 8
    owner = get_user_model().objects.get(email="employer@example.org")
    assert owner.employer_memberships.get().employer.pledges.active().exists()
    assert HiringPledge.objects.active().public().count() >= 15
    from jobs.models import JobListing

    assert JobListing.objects.count() == 300
    assert JobListing.objects.published().count() >= 150
    assert {"draft", "pending", "published", "closed"} <= set(
        JobListing.objects.values_list("status", flat=True)
    )
    assert JobListing.objects.published().values("region").distinct().count() >= 8
    for email in ("employer@example.org", "recruiter@example.org", "editor@example.org"):
        assert EmailAddress.objects.get(email=email).verified
