"""A French visitor who follows a link stays on the French site.

Every link and form of a French page (the header, the footer and the page's own) points under
/fr/; only what is the same in every language is left as it is: files, the admin, the open data
API, the language switcher's own view and other sites.
"""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from jobs.models import JobListing
from tests.employers.factories import HiringPledgeFactory, JobListingFactory, owner_of

SAME_IN_EVERY_LANGUAGE = ("/static/", "/media/", "/admin/", "/api/", "/language/", "/documents/")


def addresses_outside_french(html):
    """The site's own addresses a French page links or posts to that are not French ones."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for element, attribute in [
        *((a, "href") for a in soup.find_all("a")),
        *((f, "action") for f in soup.find_all("form")),
    ]:
        address = element.get(attribute)
        if not address:
            continue
        parts = urlsplit(address)
        if parts.netloc and parts.netloc != "testserver":
            continue  # another site
        if not parts.path.startswith("/"):
            continue  # "#main", "?page=2": the page itself
        if parts.path.startswith(SAME_IN_EVERY_LANGUAGE) or parts.path.startswith("/fr/"):
            continue
        found.append(f"<{element.name} {attribute}={address!r}> {element.get_text(' ', strip=True)[:40]!r}")
    return found


@pytest.fixture
def published_job(db):
    _owner, employer = owner_of()
    return JobListingFactory(employer=employer, title="Kitchen Assistant")


def french_page(client, address):
    response = client.get(address)
    assert response.status_code == 200, address
    assert response["Content-Language"] == "fr"
    return response.content.decode()


def test_the_french_job_board_and_a_job_link_only_to_french_pages(client, home, published_job):
    board = french_page(client, "/fr/jobs/")
    assert f'href="/fr/jobs/{published_job.pk}-' in board  # the job itself, in French
    assert addresses_outside_french(board) == []
    assert addresses_outside_french(french_page(client, published_job.get_absolute_url())) == []


def test_the_french_incentives_pages_link_only_to_french_pages(client, home, example_schemes):
    assert addresses_outside_french(french_page(client, "/fr/incentives/")) == []
    assert addresses_outside_french(french_page(client, "/fr/incentives/check/")) == []


def test_the_french_pledge_wall_and_employer_profile_link_only_to_french_pages(client, home):
    _owner, employer = owner_of()
    HiringPledgeFactory(employer=employer)
    wall = french_page(client, "/fr/pledge-wall/")
    assert f'href="/fr/employers/{employer.slug}/"' in wall
    assert addresses_outside_french(wall) == []
    assert addresses_outside_french(french_page(client, f"/fr/employers/{employer.slug}/")) == []


def test_the_french_employer_area_links_only_to_french_pages(client, home):
    owner, employer = owner_of()
    JobListingFactory(employer=employer, status=JobListing.Status.PUBLISHED)
    client.force_login(owner)
    dashboard = french_page(client, "/fr/employer/")
    assert 'href="/fr/employer/"' in dashboard  # the header's link to the area
    assert addresses_outside_french(dashboard) == []
    assert addresses_outside_french(french_page(client, "/fr/employer/jobs/")) == []


def test_an_english_page_still_links_to_english_addresses(client, home, published_job):
    board = client.get("/jobs/").content.decode()
    assert f'href="/jobs/{published_job.pk}-' in board
    assert 'href="/fr/' not in board
