"""The public /impact/ page: aggregated figures only, small counts hidden, cached and cheap."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.campaigns.factories import ConfirmedPledgeFactory, LiveCampaignPageFactory
from tests.employers.factories import JobListingFactory
from tests.impact.factories import HireFactory, IntroductionFactory
from tests.partners.factories import GraduateFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def table_rows(page, name):
    table = page.find("table", {"data-table": name})
    return {
        row.th.get_text(strip=True): row.td.get_text(strip=True)
        for row in table.tbody.find_all("tr")
        if row.th
    }


def test_the_page_shows_headline_figures_and_hides_small_groups(client, home):
    for _ in range(6):
        HireFactory(job=JobListingFactory(sector="F", region="GB-MAN"))
    womens = ProgrammeFactory(gender_responsive=True)
    HireFactory(
        job=JobListingFactory(sector="I", region="GB-LDS"), graduate=GraduateFactory(programmes=[womens])
    )

    response = client.get("/impact/")
    assert response.status_code == 200
    page = soup(response)
    assert page.find("dd", {"data-figure": "hires"}).get_text(strip=True) == "7"
    assert page.find("dd", {"data-figure": "open_jobs"}).get_text(strip=True) == "7"
    by_sector = table_rows(page, "hires_by_sector")
    # With the total of 7 on the page, a 6 beside a hidden cell would give the 1 away: hidden too.
    assert by_sector == {
        "Construction": "not shown",
        "Accommodation and food service activities": "fewer than 5",
    }
    assert table_rows(page, "hires_by_region") == {"Manchester": "not shown", "Leeds": "fewer than 5"}
    assert table_rows(page, "hires_by_programme")["Gender-responsive programmes"] == "fewer than 5"
    chart = page.find(
        "svg", id=False, attrs={"aria-labelledby": "chart-hires_by_sector-title chart-hires_by_sector-desc"}
    )
    assert chart["role"] == "img" and "fewer than 5" in chart.find("desc").get_text()
    # The charts need no script: the only one is the site-wide search box's.
    assert not page.find(attrs={"style": True})
    assert [tag["src"] for tag in page.find_all("script")] == ["/static/search/combobox.js"]


def test_nothing_personal_reaches_the_page(client, home):
    graduate = GraduateFactory()
    HireFactory(graduate=graduate)
    IntroductionFactory(graduate=graduate)
    page = client.get("/impact/").content.decode()
    assert graduate.reference not in page
    assert graduate.personal_data.full_name not in page


def test_the_footer_links_to_the_page(client, home):
    assert soup(client.get("/")).find("footer").find("a", href="/impact/")


def _queries(client):
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/impact/").status_code == 200
    return len(captured)


def test_the_page_costs_the_same_few_queries_with_few_and_many_rows(client, home, campaign_index):
    campaign = LiveCampaignPageFactory(parent=campaign_index)
    ConfirmedPledgeFactory(campaign=campaign)
    HireFactory()
    few = _queries(client)
    for sector in "CFGI":
        for _ in range(3):
            HireFactory(job=JobListingFactory(sector=sector, region="GB-LDS"))
    ConfirmedPledgeFactory.create_batch(10, campaign=LiveCampaignPageFactory(parent=campaign_index))
    many = _queries(client)
    assert few == many, (few, many)
    assert many <= 12


def test_the_figures_are_cached_between_visits(client, home):
    HireFactory()
    client.get("/impact/")
    with CaptureQueriesContext(connection) as captured:
        client.get("/impact/")
    assert not any("matching_hire" in query["sql"] for query in captured)
