"""The sitemap index and its paged sections, as a crawler reads them from robots.txt."""

from urllib.robotparser import RobotFileParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jobs.models import JobListing
from jobs.sitemaps import JobSitemap
from tests.crawl import local, sitemap_entries, sitemap_files, sitemap_urls
from tests.employers.factories import EmployerFactory, HiringPledgeFactory
from tests.jobs.factories import JobListingFactory

pytestmark = pytest.mark.django_db


def test_robots_txt_points_at_the_index(client, home):
    parser = RobotFileParser()
    parser.parse(client.get("/robots.txt").content.decode().splitlines())
    assert parser.site_maps() == ["http://testserver/sitemap.xml"]
    files = sitemap_files(client)
    for section in ("pages", "addresses", "employers", "jobs"):
        assert f"http://testserver/sitemap-{section}.xml" in files


def test_incentives_and_impact_are_listed(client, home):
    urls = sitemap_urls(client)
    for address in ("/incentives/", "/impact/", "/jobs/", "/pledge-wall/"):
        assert f"http://testserver{address}" in urls


def test_job_and_employer_entries_carry_lastmod(client, home):
    employer = EmployerFactory(name="Listed Ltd")
    HiringPledgeFactory(employer=employer)
    job = JobListingFactory(employer=employer, title="Night baker")
    entries = dict(sitemap_entries(client))
    job_lastmod = entries[f"http://testserver{job.get_absolute_url()}"]
    assert job_lastmod and job_lastmod.startswith(str(timezone.now().year))
    assert entries[f"http://testserver{employer.get_absolute_url()}"]
    # The index carries each section's newest lastmod too.
    index = client.get("/sitemap.xml").content.decode()
    assert "<lastmod>" in index


def test_every_published_job_is_listed_exactly_once_across_the_pages(client, home, monkeypatch):
    """Pages of 7 jobs stand in for pages of 40,000: the same paginator, on 30 jobs."""
    monkeypatch.setattr(JobSitemap, "limit", 7)
    employer = EmployerFactory()
    now = timezone.now()
    JobListing.objects.bulk_create(
        [
            JobListing(
                employer=employer,
                title=f"Job {n}",
                slug=f"job-{n}",
                description="<p>Work.</p>",
                sector="I",
                region="GB-MAN",
                place="Manchester",
                remote="on-site",
                employment_type="full-time",
                status=JobListing.Status.PUBLISHED,
                published_at=now,
            )
            for n in range(30)
        ]
        + [
            JobListing(
                employer=employer,
                title="Draft",
                slug="draft",
                description="<p>Work.</p>",
                sector="I",
                region="GB-MAN",
                place="Manchester",
                remote="on-site",
                employment_type="full-time",
                status=JobListing.Status.DRAFT,
            )
        ]
    )
    files = sitemap_files(client)
    job_files = [f for f in files if "sitemap-jobs.xml" in f]
    assert job_files == ["http://testserver/sitemap-jobs.xml"] + [
        f"http://testserver/sitemap-jobs.xml?p={n}" for n in range(2, 6)
    ]
    listed = [url for url in sitemap_urls(client) if "/jobs/" in url and url != "http://testserver/jobs/"]
    published = {f"http://testserver{job.get_absolute_url()}" for job in JobListing.objects.published()}
    assert len(published) == 30
    assert sorted(listed) == sorted(published), "every published job once, nothing else"
    assert client.get("/sitemap-jobs.xml?p=6").status_code == 404


def test_a_page_of_jobs_costs_a_few_queries_and_is_cached(client, home, monkeypatch):
    JobListingFactory.create_batch(5)
    with CaptureQueriesContext(connection) as first:
        assert client.get("/sitemap-jobs.xml").status_code == 200
    assert len(first.captured_queries) <= 4
    with CaptureQueriesContext(connection) as again:
        assert client.get("/sitemap-jobs.xml").status_code == 200
    assert len(again.captured_queries) == 0


def test_each_page_stays_within_the_protocol():
    assert JobSitemap.limit <= 50_000


def test_every_file_the_index_lists_answers(client, home):
    for address in sitemap_files(client):
        response = client.get(local(address))
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/xml")
