"""The demo content fills every part of the dashboard, so a first look shows what it does."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse

from impact.dashboard import BUILDERS

pytestmark = pytest.mark.django_db


def test_the_demo_content_fills_the_dashboard_and_the_public_page(client):
    call_command("load_demo_content")
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(email="editor@example.org"))
    page = BeautifulSoup(client.get(reverse("impact_dashboard")).content, "html.parser")
    for name in BUILDERS:
        table = page.find("table", {"data-table": name})
        figures = [int(cell.get_text()) for cell in table.tbody.find_all("td") if cell.get_text().isdigit()]
        assert sum(figures) > 0, f"the demo leaves {name} empty"
    # The supporters' line covers more than one month.
    months = page.find("table", {"data-table": "supporters_by_month"}).tbody.find_all("tr")
    assert sum(1 for row in months if any(td.get_text() not in ("", "0") for td in row.find_all("td"))) > 1
    public = BeautifulSoup(client.get("/impact/").content, "html.parser")
    assert public.find("dd", {"data-figure": "hires"}).get_text(strip=True) != "fewer than 5"
