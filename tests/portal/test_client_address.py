"""Issue 14, item 3: the rate limits took the client address from the first X-Forwarded-For value,
which the client writes, so rotating it got every request past them (25/25 pledges, 100/100 API
calls, 15/15 job reports). One setting, TRUSTED_PROXY_COUNT, decides the address for the portal's
limits and allauth's alike."""

import itertools

import pytest
from allauth.account.adapter import get_adapter
from django.test import RequestFactory

from portal.ratelimit import client_address
from tests.campaigns.factories import LiveCampaignPageFactory
from tests.jobs.factories import JobListingFactory

pytestmark = pytest.mark.django_db

spoofed = (f"198.51.100.{n}" for n in itertools.count(1))


def rotating():
    return {"HTTP_X_FORWARDED_FOR": next(spoofed)}


def behind_one_proxy(client_ip):
    # The client writes whatever it likes; our one proxy appends the address it saw.
    return {"HTTP_X_FORWARDED_FOR": f"{next(spoofed)}, {client_ip}", "REMOTE_ADDR": "10.0.0.2"}


def pledge(client, campaign, n, headers):
    data = {"email": f"p{n}@example.org", "region": "GB-MAN", "count_publicly": "on"}
    return client.post(f"/support/pledge/{campaign.pk}/", data, **headers).status_code


def test_rotating_x_forwarded_for_does_not_get_past_the_pledge_limit(client, campaign_index, settings):
    campaign = LiveCampaignPageFactory(parent=campaign_index)
    codes = [pledge(client, campaign, n, rotating()) for n in range(25)]
    assert codes.count(302) == 10 and codes[10:] == [429] * 15


def test_rotating_x_forwarded_for_does_not_get_past_the_api_limit(client, settings):
    settings.API_RATE_LIMIT = "20/m"
    codes = [client.get("/api/v1/jobs", **rotating()).status_code for _ in range(30)]
    assert codes.count(200) == 20 and codes[20:] == [429] * 10


def test_rotating_x_forwarded_for_does_not_get_past_the_job_report_limit(client, home):
    job = JobListingFactory()
    url = f"{job.get_absolute_url()}report/"
    codes = [client.post(url, {"reason": "filled"}, **rotating()).status_code for _ in range(15)]
    assert codes.count(200) == 10 and codes[10:] == [429] * 5


def test_behind_one_trusted_proxy_the_address_it_appended_counts(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.API_RATE_LIMIT = "5/m"
    # One client rotating the part it writes is still one client...
    codes = [client.get("/api/v1/jobs", **behind_one_proxy("203.0.113.7")).status_code for _ in range(8)]
    assert codes == [200] * 5 + [429] * 3
    # ...and another client behind the same proxy has its own allowance.
    assert client.get("/api/v1/jobs", **behind_one_proxy("203.0.113.8")).status_code == 200


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "1.2.3.4", "127.0.0.9"),
        (1, "1.2.3.4, 203.0.113.7", "203.0.113.7"),
        (2, "1.2.3.4, 203.0.113.7, 10.0.0.1", "203.0.113.7"),
        (2, "203.0.113.7", "127.0.0.9"),  # fewer hops than proxies: the connection's address
        (1, "not-an-address", "unknown"),
    ],
)
def test_portal_and_allauth_read_the_same_address(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = settings.ALLAUTH_TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR="127.0.0.9")
    assert client_address(request) == expected
    assert get_adapter(request).get_client_ip(request) == expected
