"""The public job board: /jobs/, job pages with JSON-LD, reports, the feed, figures, sitemap."""

import datetime
import json
import re
from html import unescape

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jobs.figures import open_jobs
from jobs.jsonld import job_posting
from jobs.models import JobCertification, JobReport, JobSkill
from taxonomy.models import Certification, Occupation, Skill
from tests.crawl import sitemap_urls
from tests.employers.factories import EmployerFactory, HiringPledgeFactory, PendingEmployerFactory, owner_of
from tests.jobs.factories import JobListingFactory
from tests.jobs.test_job_area import posting

BOARD = "/jobs/"
BUDGET = 12

pytestmark = pytest.mark.django_db


def text_of(response):
    return re.sub(r"\s+", " ", unescape(response.content.decode()))


def card_titles(response):
    return re.findall(
        r'<h3 class="card-title"[^>]*><a href="/jobs/\d+-[\w-]+/">([^<]+)</a>', response.content.decode()
    )


def json_ld(response):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), flags=re.S
    )
    assert len(blocks) == 1
    return json.loads(blocks[0])


def report_url(job):
    return f"{job.get_absolute_url()}report/"


# The board -------------------------------------------------------------------------------------


def test_board_lists_published_jobs_with_their_facts(client):
    employer = EmployerFactory(name="Rise Loaves")
    JobListingFactory(
        employer=employer,
        title="Night baker",
        place="Salford",
        region="GB-MAN",
        employment_type="part-time",
        remote="hybrid",
        pay_min="12.50",
        pay_max="14",
        pay_period="hour",
    )
    JobListingFactory(title="Draft job", status="draft")
    JobListingFactory(title="Unverified job", employer=PendingEmployerFactory())
    response = client.get(BOARD)
    assert response.status_code == 200
    assert card_titles(response) == ["Night baker"]
    text = text_of(response)
    assert "Rise Loaves" in text
    assert "Salford, Manchester" in text
    assert "Part time · Hybrid" in text
    assert "GBP 12.50–14.00 per hour" in text
    assert 'data-total="1"' in text
    assert "Draft job" not in text and "Unverified job" not in text


def test_board_works_without_javascript(client):
    JobListingFactory(sector="F")
    html = client.get(BOARD).content.decode()
    assert re.search(r'<form method="get" action="/jobs/"', html)
    assert '<button type="submit">' in html
    assert 'type="checkbox" id="f-sector-F" name="sector" value="F"' in html
    assert '<select id="job-sort" name="sort">' in html
    assert "<script" not in html.split("<main", 1)[1]


def test_board_facets_show_counts_and_keep_selections(client):
    JobListingFactory.create_batch(2, sector="F", region="GB-LDS")
    JobListingFactory(sector="I", region="GB-MAN")
    response = client.get(BOARD, {"sector": "F"})
    html = response.content.decode()
    assert len(card_titles(response)) == 2
    assert re.search(
        r'id="f-sector-F" name="sector" value="F" checked> <label[^>]*>Construction '
        r'<span class="facet-count" data-count="2">',
        html,
    )
    # other sectors are still offered with their own counts
    assert re.search(
        r'id="f-sector-I" name="sector" value="I"> <label[^>]*>Accommodation and food '
        r'service activities <span class="facet-count" data-count="1">',
        html,
    )
    assert re.search(
        r'id="f-region-GB-LDS"[^>]*> <label[^>]*>Leeds <span class="facet-count" data-count="2">', html
    )
    assert 'id="f-region-GB-MAN"' not in html  # no construction job in Manchester


def test_invalid_filters_on_the_board_are_ignored(client):
    JobListingFactory()
    response = client.get(
        BOARD, {"sector": "??", "region": "<script>", "posted_within": "2", "page": "x", "sort": "up"}
    )
    assert response.status_code == 200
    assert len(card_titles(response)) == 1


def test_pagination_keeps_the_search(client):
    JobListingFactory.create_batch(23, title="Cleaner", region="GB-MAN", sector="N")
    response = client.get(
        BOARD, {"q": "cleaner", "region": ["GB-MAN", "GB-LDS"], "sector": "N", "sort": "newest"}
    )
    html = response.content.decode()
    assert len(card_titles(response)) == 20
    assert "Page 1 of 2" in html
    next_link = re.search(r'<a href="\?([^"]+)" rel="next">', html).group(1)
    assert unescape(next_link) == "q=cleaner&sector=N&region=GB-MAN&region=GB-LDS&sort=newest&page=2"
    second = client.get(f"{BOARD}?{unescape(next_link)}")
    assert len(card_titles(second)) == 3
    assert 'rel="prev"' in second.content.decode()


def test_fair_chance_badge_for_employers_with_an_active_public_pledge(client):
    pledged = EmployerFactory(name="Pledged Ltd")
    pledge = HiringPledgeFactory(employer=pledged)
    private = EmployerFactory(name="Private Ltd")
    HiringPledgeFactory(employer=private, is_public=False)
    JobListingFactory(employer=pledged, title="Pledged job")
    JobListingFactory(employer=private, title="Private job")
    JobListingFactory(title="Plain job")
    html = client.get(BOARD).content.decode()
    badges = re.findall(r'<span class="fair-chance-badge" data-pledge="([^"]+)">', html)
    assert badges == [pledge.reference]


def test_empty_board(client):
    response = client.get(BOARD)
    assert "There are no open jobs at the moment" in text_of(response)
    response = client.get(BOARD, {"q": "astronaut"})
    assert "No job matches this search" in text_of(response)


def board_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def build_jobs(size):
    employers = [EmployerFactory() for _ in range(3)]
    for employer in employers[:2]:
        HiringPledgeFactory(employer=employer)
    sectors, regions = "FIHC", ["GB-MAN", "GB-LDS", "GB-BIR"]
    for n in range(size):
        JobListingFactory(
            employer=employers[n % 3],
            title=f"Cleaner {n}",
            sector=sectors[n % 4],
            region=regions[n % 3],
            employment_type=["full-time", "part-time"][n % 2],
            pay_min=10 if n % 2 else None,
        )


@pytest.mark.parametrize("size", [3, 30])
def test_board_queries_are_constant_in_the_number_of_jobs(client, size):
    build_jobs(size)
    counts = {
        "board": board_queries(client, BOARD),
        "filtered": board_queries(
            client, f"{BOARD}?q=cleaner&sector=F&sector=I&region=GB-MAN&posted_within=7"
        ),
        "page 2": board_queries(client, f"{BOARD}?page=2&sort=closing_soon"),
    }
    print(f"\n/jobs/ queries with {size} jobs: {counts}")
    assert all(count <= BUDGET for count in counts.values()), counts
    test_board_queries_are_constant_in_the_number_of_jobs.counts[size] = counts
    if len(test_board_queries_are_constant_in_the_number_of_jobs.counts) == 2:
        small, large = test_board_queries_are_constant_in_the_number_of_jobs.counts.values()
        assert small == large


test_board_queries_are_constant_in_the_number_of_jobs.counts = {}


# The job page ----------------------------------------------------------------------------------


@pytest.fixture
def full_job():
    employer = EmployerFactory(
        name="Solid Builders", website="https://solid.example", record_check_stage="after-offer"
    )
    job = JobListingFactory(
        employer=employer,
        title="Site labourer",
        description="<p>Carry <strong>materials</strong>.</p>",
        sector="F",
        region="GB-LDS",
        place="Leeds",
        employment_type="full-time",
        hours_per_week="37.5",
        pay_min="11.44",
        pay_max="13",
        pay_period="hour",
        requires_driving=True,
        night_shifts=True,
        fair_chance_statement="We judge people on what they can do.",
        openings=3,
        start_date=datetime.date(2031, 5, 1),
        closing_date=timezone.localdate() + datetime.timedelta(days=10),
        apply_method="url",
        apply_url="https://solid.example/jobs/1",
        occupation=Occupation.objects.filter(code__regex=r"^\d{4}$").first(),
    )
    JobSkill.objects.create(
        job=job, skill=Skill.objects.get_or_create(name="Manual handling")[0], required=True
    )
    JobSkill.objects.create(job=job, skill=Skill.objects.get_or_create(name="Bricklaying")[0], required=False)
    JobCertification.objects.create(
        job=job, certification=Certification.objects.get_or_create(name="CSCS green card")[0], required=True
    )
    JobCertification.objects.create(
        job=job, certification=Certification.objects.get_or_create(name="Forklift licence")[0], required=False
    )
    return job


def test_job_page_shows_the_job_and_its_employer(client, full_job):
    response = client.get(full_job.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    text = text_of(response)
    assert '<h1 lang="en-GB" dir="ltr">Site labourer</h1>' in html
    assert '<a href="/employers/solid-builders/">Solid Builders</a>' in html
    assert "After a conditional offer" in text
    assert "We judge people on what they can do." in text
    assert "<p>Carry <strong>materials</strong>.</p>" in html  # sanitised HTML, shown as HTML
    assert re.search(r"data-requirements><li>Driving</li><li>Night shifts</li></ul>", html)
    assert '<ul data-skills="required"><li>Manual handling</li></ul>' in html
    assert '<ul data-skills="preferred"><li>Bricklaying</li></ul>' in html
    assert '<ul data-certifications="required"><li>CSCS green card</li></ul>' in html
    assert '<ul data-certifications="preferred"><li>Forklift licence</li></ul>' in html
    assert "GBP 11.44–13.00 per hour" in text
    assert "37.5 hours a week" in text
    assert "1 May 2031" in text
    assert '<a class="button" href="https://solid.example/jobs/1"' in html
    assert "pledge_badge" not in html and "badge.svg" not in html  # no pledge


def test_job_page_pledge_badge_links_to_the_verification_page(client, full_job):
    pledge = HiringPledgeFactory(employer=full_job.employer)
    html = client.get(full_job.get_absolute_url()).content.decode()
    assert f'<a href="/pledges/{pledge.reference}/"><img src="/pledges/{pledge.reference}/badge.svg"' in html


@pytest.mark.parametrize(
    "method, fields, expected",
    [
        ("email", {"apply_email": "jobs@example.org"}, '<a href="mailto:jobs@example.org?subject=Porter">'),
        ("url", {"apply_url": "https://jobs.example.org/porter"}, 'href="https://jobs.example.org/porter"'),
        ("portal", {}, 'data-apply="programme"'),
    ],
)
def test_how_to_apply(client, method, fields, expected):
    job = JobListingFactory(title="Porter", apply_method=method, **fields)
    html = client.get(job.get_absolute_url()).content.decode()
    assert expected in html
    assert "coming soon" not in html


def test_programme_route_says_how_to_be_put_forward(client):
    job = JobListingFactory(title="Porter", apply_method="portal", employer__name="Rise Loaves")
    html = client.get(job.get_absolute_url()).content.decode()
    section = re.search(r'<div data-apply="programme">(.*?)</div>', html, re.S).group(1)
    assert "Rise Loaves recruits for this job through programme providers" in unescape(section)
    assert "ask your programme or probation contact to put you forward" in section


def test_employer_form_checks_the_way_to_apply(client):
    user, _employer = owner_of()
    client.force_login(user)
    response = client.post("/employer/jobs/new/", posting(apply_method="url", apply_url="not a web address"))
    assert response.status_code == 400
    assert "Enter a valid URL" in response.content.decode()
    response = client.post("/employer/jobs/new/", posting(apply_method="email", apply_email=""))
    assert response.status_code == 400
    assert "Give the e-mail address applications go to." in response.content.decode()


@pytest.mark.parametrize(
    ("place", "region", "where"),
    [
        ("Leeds", "GB-LDS", "Leeds"),
        ("leeds ", "GB-LDS", "leeds"),
        ("Hunslet", "GB-LDS", "Hunslet, Leeds"),
        ("", "GB-LDS", "Leeds"),
        ("Central Manchester", "GB-MAN", "Central Manchester"),
    ],
)
def test_place_names_are_not_repeated(client, place, region, where):
    job = JobListingFactory(title="Porter", place=place, region=region)
    for html in (client.get(BOARD).content.decode(), client.get(job.get_absolute_url()).content.decode()):
        text = " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
        assert where in text
        assert "Leeds, Leeds" not in text.replace("leeds", "Leeds")
        assert "Manchester, Manchester" not in text


def test_wrong_slug_redirects_to_the_canonical_address(client):
    job = JobListingFactory(title="Night baker")
    response = client.get(f"/jobs/{job.pk}-old-title/")
    assert response.status_code == 301
    assert response["Location"] == f"/jobs/{job.pk}-night-baker/"


@pytest.mark.parametrize(
    "fields",
    [
        {"status": "draft"},
        {"status": "pending"},
        {"status": "closed"},
        {"status": "expired"},
        {"closing_date": datetime.date(2020, 1, 1)},
    ],
)
def test_jobs_the_public_may_not_see_answer_404(client, fields):
    job = JobListingFactory(**fields)
    assert client.get(job.get_absolute_url()).status_code == 404
    assert client.post(report_url(job), {"reason": "other"}).status_code == 404


def test_job_of_an_unverified_employer_answers_404(client):
    job = JobListingFactory(employer=PendingEmployerFactory())
    assert client.get(job.get_absolute_url()).status_code == 404


def test_job_page_queries_stay_within_budget(client, full_job):
    HiringPledgeFactory(employer=full_job.employer)
    assert board_queries(client, full_job.get_absolute_url()) <= BUDGET


# JSON-LD ---------------------------------------------------------------------------------------


def test_job_posting_json_ld_has_every_property(client, full_job, settings):
    data = json_ld(client.get(full_job.get_absolute_url()))
    full_job.refresh_from_db()
    closing = full_job.closing_date
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "JobPosting"
    assert data["title"] == "Site labourer"
    assert data["description"] == "<p>Carry <strong>materials</strong>.</p>"
    assert datetime.datetime.fromisoformat(data["datePosted"]) == full_job.published_at
    valid_through = datetime.datetime.fromisoformat(data["validThrough"])
    assert valid_through.date() == closing and valid_through.time() == datetime.time(23, 59, 59)
    assert valid_through.tzinfo is not None
    assert data["employmentType"] == "FULL_TIME"
    assert data["hiringOrganization"] == {
        "@type": "Organization",
        "name": "Solid Builders",
        "sameAs": "https://solid.example",
    }
    assert data["jobLocation"] == {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Leeds",
            "addressRegion": "Leeds",
            "addressCountry": settings.PORTAL_COUNTRY,
        },
    }
    assert "jobLocationType" not in data and "applicantLocationRequirements" not in data
    assert data["baseSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "GBP",
        "value": {"@type": "QuantitativeValue", "minValue": 11.44, "maxValue": 13, "unitText": "HOUR"},
    }
    assert data["directApply"] is False  # applications go to the employer's website
    assert data["url"].endswith(full_job.get_absolute_url())
    assert data["identifier"]["value"] == str(full_job.pk)
    assert data["industry"] == "Construction"
    assert data["workHours"] == "37.5 hours per week"
    assert data["jobStartDate"] == "2031-05-01"
    assert data["totalJobOpenings"] == 3
    if full_job.occupation:
        assert data["occupationalCategory"] == full_job.occupation.code


def test_json_ld_for_a_remote_job_without_pay_or_closing_date(client, settings):
    job = JobListingFactory(
        remote="remote", employment_type="work-placement", apply_method="portal", employer__website=""
    )
    data = json_ld(client.get(job.get_absolute_url()))
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["applicantLocationRequirements"] == {"@type": "Country", "name": "United Kingdom"}
    assert "jobLocation" not in data
    assert "baseSalary" not in data and "validThrough" not in data
    assert data["employmentType"] == "INTERN"
    assert data["hiringOrganization"] == {"@type": "Organization", "name": job.employer.name}
    assert data["directApply"] is False  # not until people can apply on the page itself


@pytest.mark.parametrize(
    "employment_type, expected",
    [
        ("full-time", "FULL_TIME"),
        ("part-time", "PART_TIME"),
        ("temporary", "TEMPORARY"),
        ("apprenticeship", "OTHER"),
        ("work-placement", "INTERN"),
    ],
)
def test_employment_types_in_json_ld(employment_type, expected):
    assert job_posting(JobListingFactory(employment_type=employment_type))["employmentType"] == expected


@pytest.mark.parametrize(
    "period, unit", [("hour", "HOUR"), ("week", "WEEK"), ("month", "MONTH"), ("year", "YEAR")]
)
def test_pay_in_json_ld(period, unit):
    salary = job_posting(JobListingFactory(pay_min="21000", pay_period=period))["baseSalary"]
    assert salary["value"] == {"@type": "QuantitativeValue", "value": 21000, "unitText": unit}


def test_json_ld_cannot_break_out_of_its_script(client):
    job = JobListingFactory(title="Cook </script><script>alert(1)</script> & more")
    html = client.get(job.get_absolute_url()).content.decode()
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S).group(1)
    assert "<" not in script and ">" not in script
    assert json.loads(script)["title"] == "Cook </script><script>alert(1)</script> & more"


# Reporting a listing ---------------------------------------------------------------------------


def test_a_report_reaches_the_moderators(client):
    job = JobListingFactory(title="Night baker")
    response = client.post(
        report_url(job),
        {
            "reason": "discriminatory",
            "details": "It says 'clean record only'.",
            "reporter_email": "a@example.org",
        },
    )
    assert response.status_code == 200
    assert "Thank you for your report" in text_of(response)
    report = JobReport.objects.get()
    assert (report.job, report.reason, report.reporter_email) == (job, "discriminatory", "a@example.org")
    assert report.details == "It says 'clean record only'."
    assert report.resolved_at is None


def test_a_report_needs_only_a_reason(client):
    job = JobListingFactory()
    assert client.post(report_url(job), {"reason": "filled"}).status_code == 200
    assert JobReport.objects.get().details == ""


def test_an_invalid_report_shows_the_job_again_with_the_errors(client):
    job = JobListingFactory(title="Night baker")
    response = client.post(report_url(job), {"reason": "nonsense", "reporter_email": "not an address"})
    assert response.status_code == 400
    html = response.content.decode()
    assert '<h1 lang="en-GB" dir="ltr">Night baker</h1>' in html
    assert re.search(r'<div id="id_reason-error"><p class="error-message">[^<]+</p></div>', html)
    assert re.search(
        r'<div id="id_reporter_email-error"><p class="error-message">Enter a valid email address.</p></div>',
        html,
    )
    assert "aria-describedby" in html or "aria-invalid" in html
    assert JobReport.objects.count() == 0
    missing = client.post(report_url(job), {})
    assert missing.status_code == 400
    assert "Choose the reason for your report." in missing.content.decode()


def test_reports_are_rate_limited(client):
    job = JobListingFactory()
    for _ in range(10):
        assert client.post(report_url(job), {"reason": "other"}).status_code == 200
    response = client.post(report_url(job), {"reason": "other"})
    assert response.status_code == 429
    assert "Too many reports" in text_of(response)
    assert JobReport.objects.count() == 10


def test_reporting_needs_a_post(client):
    job = JobListingFactory()
    assert client.get(report_url(job)).status_code == 405


# Feed, home page, sitemap, navigation ----------------------------------------------------------


def test_feed_lists_the_twenty_newest_published_jobs(client):
    now = timezone.now()
    for n in range(22):
        JobListingFactory(title=f"Job {n}", published_at=now - datetime.timedelta(hours=n))
    JobListingFactory(title="Draft job", status="draft")
    response = client.get("/jobs/feed/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert feed.feed.link.endswith("/jobs/")
    titles = [entry.title for entry in feed.entries]
    assert len(titles) == 20
    assert titles[0].startswith("Job 0 — ") and titles[-1].startswith("Job 19 — ")
    assert "Draft job" not in " ".join(titles)
    entry = feed.entries[0]
    assert entry.link.endswith("/jobs/") is False and re.search(r"/jobs/\d+-job-0/$", entry.link)
    assert entry.published_parsed
    assert "Manchester" in entry.summary


def test_feed_keeps_list_items_and_paragraphs_apart(client):
    JobListingFactory(
        title="Prep cook",
        description="<p>Training in the first months.</p><ul><li>Regular hours</li><li>Paid training</li></ul>",
    )
    feed = feedparser.parse(client.get("/jobs/feed/").content)
    assert not feed.bozo
    summary = feed.entries[0].summary
    # A reader shows the summary as HTML: each item in its own element, nothing run together.
    items = re.findall(r"<li>(.*?)</li>", summary)
    assert items == ["Regular hours", "Paid training"]
    assert "<p>Training in the first months.</p>" in summary
    assert "months.Regular" not in summary and "hoursPaid" not in summary


def test_home_page_shows_open_jobs(client, home):
    JobListingFactory.create_batch(3)
    JobListingFactory(status="draft")
    assert open_jobs() == 3
    html = client.get("/").content.decode()
    assert '<dd data-figure="jobs">3</dd>' in html


def test_sitemap_lists_published_jobs_only(client, home):
    shown = JobListingFactory(title="Night baker")
    hidden = JobListingFactory(title="Draft baker", status="draft")
    urls = sitemap_urls(client)
    assert f"http://testserver/jobs/{shown.pk}-night-baker/" in urls
    assert not [url for url in urls if f"/jobs/{hidden.pk}-" in url]
    assert "http://testserver/jobs/" in urls


def test_main_navigation_links_to_the_board(client):
    html = client.get(BOARD).content.decode()
    assert '<li><a href="/jobs/">Jobs</a></li>' in html
