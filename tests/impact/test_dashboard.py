"""The impact dashboard in the Wagtail admin: who sees it, the filter form, tables and CSV."""

import csv
import io
import time

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from impact import dashboard
from portal.regions import region_choices, region_name
from tests.campaigns.factories import ConfirmedPledgeFactory, LiveCampaignPageFactory
from tests.employers.factories import JobListingFactory
from tests.impact.factories import HireFactory

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("impact_dashboard")


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who", ["employer_owner", "partner"])
def test_employers_and_partners_do_not_see_the_dashboard(client, request, who):
    client.force_login(request.getfixturevalue(who))
    response = client.get(DASHBOARD)
    assert response.status_code in (302, 403)
    assert b"Confirmed supporters by campaign" not in response.content
    assert client.get(DASHBOARD + "?format=csv&table=supporters").status_code in (302, 403)


@pytest.mark.parametrize("who", ["editor", "moderator", "superuser"])
def test_campaign_staff_see_the_dashboard_and_its_menu_item(client, request, who):
    client.force_login(request.getfixturevalue(who))
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert b"Confirmed supporters by campaign" in response.content
    home = client.get(reverse("wagtailadmin_home"))
    assert DASHBOARD.encode() in home.content  # the "Impact" menu item


def test_an_admin_user_without_the_permission_is_refused(client):
    from django.contrib.auth.models import Permission

    from tests.portal.factories import UserFactory

    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(DASHBOARD)
    assert response.status_code in (302, 403)
    assert b"Confirmed supporters by campaign" not in response.content


def test_the_dashboard_shows_the_last_twelve_months_by_default_with_charts_and_tables(
    client, editor, campaign_index
):
    campaign = LiveCampaignPageFactory(parent=campaign_index, title="Open doors")
    ConfirmedPledgeFactory.create_batch(3, campaign=campaign)
    HireFactory(job=JobListingFactory(sector="F"))
    client.force_login(editor)

    page = soup(client.get(DASHBOARD))
    today = timezone.localdate()
    assert page.find("input", {"name": "end"})["value"] == today.isoformat()
    supporters = page.find("table", {"data-table": "supporters"})
    assert [cell.get_text(strip=True) for cell in supporters.find("tbody").find_all(["th", "td"])] == [
        "Open doors",
        "3",
    ]
    for chart in page.find_all("svg"):
        if "impact-chart" not in chart.get("class", []):
            continue
        assert chart["role"] == "img"
        title_id, desc_id = chart["aria-labelledby"].split()
        assert chart.find("title", id=title_id).get_text() and chart.find("desc", id=desc_id).get_text()
    sectors = page.find("table", {"data-table": "by_sector"})
    assert "Construction" in sectors.get_text()
    assert page.find("a", href=lambda href: href and "format=csv" in href and "table=by_sector" in href)
    assert not page.find(attrs={"style": True})


def test_the_period_and_region_filter_the_figures(client, editor, campaign_index):
    campaign = LiveCampaignPageFactory(parent=campaign_index, title="Open doors")
    ConfirmedPledgeFactory(campaign=campaign, region="GB-LDS")
    ConfirmedPledgeFactory(campaign=campaign, region="GB-MAN")
    ConfirmedPledgeFactory(
        campaign=campaign, region="GB-MAN", confirmed_at=timezone.now() - timezone.timedelta(days=60)
    )
    client.force_login(editor)
    today = timezone.localdate()
    week_ago = today - timezone.timedelta(days=7)

    page = soup(
        client.get(DASHBOARD, {"start": week_ago.isoformat(), "end": today.isoformat(), "region": "GB-MAN"})
    )
    supporters = page.find("table", {"data-table": "supporters"})
    assert supporters.find("td").get_text(strip=True) == "1"
    assert page.find("select", {"name": "region"}).find("option", selected=True)["value"] == "GB-MAN"
    assert "in Manchester" in page.find(attrs={"data-testid": "impact-period"}).get_text(" ", strip=True)


@pytest.mark.parametrize(
    "query, field, message",
    [
        ({"start": "2026-05-01", "end": "2026-04-01"}, "end", "cannot be before its start"),
        ({"start": "31/02/2026", "end": "2026-04-01"}, "start", "Enter a valid date"),
        (
            {"start": "2026-01-01", "end": "2026-02-01", "region": "XX-NOPE"},
            "region",
            "Select a valid choice",
        ),
    ],
)
def test_bad_input_is_answered_next_to_the_field_and_kept(client, editor, query, field, message):
    client.force_login(editor)
    response = client.get(DASHBOARD, query)
    assert response.status_code == 200
    page = soup(response)
    error = page.find(id=f"id_{field}-error")
    assert error is not None and message in error.get_text()
    widget = page.find(attrs={"name": field})
    assert widget["aria-invalid"] == "true" and f"id_{field}-error" in widget["aria-describedby"].split()
    if field != "region":
        assert widget["value"] == query[field]
    assert not page.find("table", {"data-table": "supporters"})
    assert client.get(DASHBOARD, {**query, "format": "csv", "table": "supporters"}).status_code == 400


def read_csv(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8"))))


def test_every_table_downloads_as_csv(client, editor, campaign_index):
    from impact.dashboard import BUILDERS

    HireFactory(job=JobListingFactory(sector="F", region="GB-LDS"))
    client.force_login(editor)
    for name in BUILDERS:
        response = client.get(DASHBOARD, {"format": "csv", "table": name})
        assert response.status_code == 200, name
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"].startswith(f'attachment; filename="impact-{name}-')
        assert read_csv(response)[0], name  # a header row
    rows = read_csv(client.get(DASHBOARD, {"format": "csv", "table": "by_sector"}))
    assert rows[0] == [
        "Sector",
        "Jobs published",
        "Introductions requested",
        "Introductions accepted",
        "Hires",
    ]
    assert ["Construction", "1", "0", "0", "1"] in rows
    assert client.get(DASHBOARD, {"format": "csv", "table": "nope"}).status_code == 400


def test_csv_cells_cannot_run_as_spreadsheet_formulas(client, editor, campaign_index):
    campaign = LiveCampaignPageFactory(parent=campaign_index, title='=HYPERLINK("http://evil")')
    ConfirmedPledgeFactory(campaign=campaign)
    client.force_login(editor)
    rows = read_csv(client.get(DASHBOARD, {"format": "csv", "table": "supporters"}))
    assert rows == [["Campaign", "Supporters"], ['\'=HYPERLINK("http://evil")', "1"]]


# -- Counted once a minute, and saying so (issue 22) ------------------------------------------------


def jobs_posted(response):
    table = soup(response).find("table", {"data-table": "jobs"})
    row = next(tr for tr in table.find("tbody").find_all("tr") if "Posted" in tr.th.get_text())
    return int(row.td.get_text(strip=True))


def counted_at(response):
    return soup(response).find(attrs={"data-testid": "impact-counted-at"}).get_text(" ", strip=True)


def test_the_figures_are_counted_once_a_minute_and_the_page_says_when(client, editor):
    client.force_login(editor)
    first = client.get(DASHBOARD)
    assert f"Counted at {timezone.localtime():%H:%M}:" in counted_at(first)
    assert "every 60 seconds" in counted_at(first)

    with CaptureQueriesContext(connection) as again:
        assert client.get(DASHBOARD).status_code == 200
    # What every admin page reads (session, user, permissions, menu), no figure counted again.
    assert not [q["sql"] for q in again.captured_queries if "employers_" in q["sql"]]
    assert len(again) <= 10

    # A new listing is public data: the figures are counted again at once.
    JobListingFactory(sector="F")
    assert jobs_posted(client.get(DASHBOARD)) == jobs_posted(first) + 1


def test_the_figures_are_never_older_than_the_page_says(client, editor, monkeypatch):
    monkeypatch.setattr(dashboard, "TABLES_CACHE_SECONDS", 1)
    client.force_login(editor)
    first = counted_at(client.get(DASHBOARD))
    assert "every 1 seconds" in first
    assert counted_at(client.get(DASHBOARD)) == first
    time.sleep(1.2)
    assert counted_at(client.get(DASHBOARD)) != first


def test_every_row_of_a_long_table_is_shown_with_its_figures(client, editor):
    regions = [code for code, _name in region_choices()[:3]]
    for code in regions:
        JobListingFactory(region=code)
    client.force_login(editor)
    table = soup(client.get(DASHBOARD)).find("table", {"data-table": "by_region"})
    rows = {
        tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr.find_all("td")]
        for tr in table.tbody.find_all("tr")
    }
    for code in regions:
        assert rows[region_name(code)][0] == "1"  # jobs published in the region
