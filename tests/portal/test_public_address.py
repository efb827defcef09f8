"""One public address: served on another host, every absolute address still names SITE_URL."""

import json
import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings
from wagtail.models import Site

from portal.addresses import absolute_url, tag_uri
from portal.checks import site_url_check
from tests.crawl import sitemap_files, sitemap_urls
from tests.public_site import build_public_site, public_pages

PUBLIC = "https://portal.example.org"
# Namespaces and vocabularies named inside feeds, sitemaps and JSON-LD: not addresses of ours.
SPEC_HOSTS = {
    "www.sitemaps.org",
    "www.w3.org",
    "schema.org",
    "purl.org",
    "www.google.com",
    "backend.userland.com",
}
URL = re.compile(r"""https?://[^\s"'<>\\]+""")


@pytest.fixture
def site(home, story_index, campaign_index, standard_pages):
    return build_public_site(home, story_index, campaign_index, standard_pages)


def foreign_addresses(text):
    """Every absolute address in `text` that is neither SITE_URL's nor a specification's."""
    found = []
    for url in URL.findall(text):
        if urlsplit(url).hostname in SPEC_HOSTS:
            continue
        if not (url == PUBLIC or url.startswith(PUBLIC + "/") or url.startswith(PUBLIC + "?")):
            found.append(url)
    return found


def fetch(client, path):
    """Served as https://127.0.0.1:8765, the address a proxy or a test server might pass on."""
    response = client.get(path, HTTP_HOST="127.0.0.1:8765", secure=True)
    assert response.status_code == 200, path
    return response.content.decode()


@override_settings(PORTAL_SITE_URL=PUBLIC)
def test_every_absolute_address_names_the_public_address_whatever_the_request_host(client, site):
    paths = [path for _kind, path in public_pages(site)] + [
        "/sitemap.xml",
        "/robots.txt",
        "/jobs/feed/",
        "/stories/feed/",
        "/api/v1/",
        "/api/v1/jobs?page_size=1",
        f"/api/v1/jobs/{site['job'].pk}",
        "/api/v1/stories",
        "/api/v1/employers",
    ]
    wrong = {path: foreign_addresses(fetch(client, path)) for path in paths}
    assert {path: urls for path, urls in wrong.items() if urls} == {}


@override_settings(PORTAL_SITE_URL=PUBLIC)
def test_job_page_story_sitemap_and_feeds_link_to_the_public_address(client, site):
    job_url = f"{PUBLIC}{site['job'].get_absolute_url()}"
    job_page = fetch(client, site["job"].get_absolute_url())
    assert f'<link rel="canonical" href="{job_url}">' in job_page
    jsonld = re.search(r'<script type="application/ld\+json">(.*?)</script>', job_page, re.S).group(1)
    assert json.loads(jsonld)["url"] == job_url  # JobPosting
    assert f'<meta property="og:url" content="{job_url}">' in job_page
    story_url = f"{PUBLIC}{site['story'].url}"
    assert f'<meta property="og:url" content="{story_url}">' in fetch(client, site["story"].url)
    sections = sitemap_files(client)
    assert sections and all(address.startswith(f"{PUBLIC}/sitemap") for address in sections)
    listed = sitemap_urls(client)
    assert story_url in listed
    assert job_url in listed
    jobs_feed = fetch(client, "/jobs/feed/")
    assert f"<link>{job_url}</link>" in jobs_feed
    assert f"<link>{PUBLIC}/jobs/</link>" in jobs_feed
    assert f"<link>{story_url}</link>" in fetch(client, "/stories/feed/")
    api_job = client.get(f"/api/v1/jobs/{site['job'].pk}", HTTP_HOST="127.0.0.1:8765").json()
    assert api_job["apply_url"] == job_url
    assert client.get("/api/v1/", HTTP_HOST="127.0.0.1:8765").json()["docs"] == f"{PUBLIC}/api/v1/docs"


def test_feed_guids_carry_no_host_and_survive_a_move(client, site):
    def guids(path):
        return re.findall(r"<guid[^>]*>([^<]+)</guid>", client.get(path).content.decode())

    before = {path: guids(path) for path in ("/jobs/feed/", "/stories/feed/")}
    with override_settings(PORTAL_SITE_URL=PUBLIC):
        after = {path: guids(path) for path in ("/jobs/feed/", "/stories/feed/")}
    assert before == after
    assert before["/jobs/feed/"] == [f"tag:secondchance.portal,2026:job/{site['job'].pk}"]
    assert before["/stories/feed/"] == [tag_uri("story", site["story"].pk)]


@override_settings(PORTAL_SITE_URL="https://portal.example.org:8443")
def test_sync_site_points_the_wagtail_site_at_the_public_address(home, capsys):
    call_command("sync_site")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("portal.example.org", 8443)
    assert "portal.example.org:8443" in capsys.readouterr().out
    assert (
        absolute_url("http://localhost/stories/x/?page=2")
        == "https://portal.example.org:8443/stories/x/?page=2"
    )


@pytest.mark.parametrize(
    "address", ["", "http://127.0.0.1:8000", "http://localhost", "https://[::1]:8000", "portal.example.org"]
)
def test_deploy_check_fails_without_a_public_address(address):
    with override_settings(DEBUG=False, PORTAL_SITE_URL=address):
        errors = site_url_check(None)
    assert [error.id for error in errors] == ["portal.E001"]
    assert errors[0].is_serious()


def test_deploy_check_passes_with_a_public_address_or_in_development():
    with override_settings(DEBUG=False, PORTAL_SITE_URL=PUBLIC):
        assert site_url_check(None) == []
    with override_settings(DEBUG=True, PORTAL_SITE_URL="http://127.0.0.1:8000"):
        assert site_url_check(None) == []


def test_check_deploy_command_fails_on_a_loopback_address():
    with (
        override_settings(DEBUG=False, PORTAL_SITE_URL="http://127.0.0.1:8000"),
        pytest.raises(SystemCheckError, match="portal.E001"),
    ):
        call_command("check", "--deploy", "--fail-level", "ERROR")
