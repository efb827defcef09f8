"""A supporter's e-mails are written in the language of the page they signed on: the pledge
records it, the confirmation and the thanks go out in it, their links open the pages in it."""

import re

import pytest

from campaigns.models import SupporterPledge
from tests.campaigns.factories import LiveCampaignPageFactory


@pytest.fixture
def campaign(campaign_index):
    return LiveCampaignPageFactory(parent=campaign_index, title="Yellow Ribbon", supporter_target=50)


DATA = {"name": "Jo Bloggs", "email": "jo@example.org", "region": "GB-MAN", "count_publicly": "on"}


def paths_in(message):
    return re.findall(r"https?://[^/\s]+(/\S*)", message.body)


def test_a_supporter_who_signed_on_the_arabic_page_is_written_to_in_arabic(client, campaign, mailoutbox):
    response = client.post(f"/ar/support/pledge/{campaign.pk}/", DATA)
    assert response.status_code == 302
    assert SupporterPledge.objects.get().language == "ar"

    [confirmation] = mailoutbox
    assert confirmation.extra_headers["Content-Language"] == "ar"
    [confirm] = [path for path in paths_in(confirmation) if "/support/confirm/" in path]
    assert confirm.startswith("/ar/support/confirm/")
    assert all(path.startswith("/ar/support/") for path in paths_in(confirmation) if "/support/" in path)

    # Confirmed from an English page (another device): the thanks still follows the pledge.
    client.cookies.clear()
    english_confirm = confirm.removeprefix("/ar")
    page = client.get(confirm)
    assert page.status_code == 200 and '<html lang="ar" dir="rtl"' in page.content.decode()
    assert client.post(english_confirm).status_code == 200
    thanks = mailoutbox[1]
    assert thanks.extra_headers["Content-Language"] == "ar"
    assert any(path.startswith("/ar/support/erase/") for path in paths_in(thanks))


def test_a_supporter_on_the_english_page_is_written_to_in_english(client, campaign, mailoutbox):
    client.post(f"/support/pledge/{campaign.pk}/", DATA)
    assert SupporterPledge.objects.get().language == "en-gb"
    [confirmation] = mailoutbox
    assert confirmation.extra_headers["Content-Language"] == "en-gb"
    assert confirmation.subject == "Confirm your pledge to Yellow Ribbon"
    assert any(path.startswith("/support/confirm/") for path in paths_in(confirmation))
