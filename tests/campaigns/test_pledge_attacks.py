"""Issue 14, item 4: the CSRF-exempt pledge endpoint let anyone rewrite someone else's pending
pledge, send them unlimited e-mails, learn whether an address had pledged, and its links carried
the address itself (base64-encoded). Each attack as the outside test ran it."""

import base64
import datetime
import re

import pytest
import time_machine
from django.core import signing
from django.utils import timezone

from campaigns.models import SupporterPledge
from tests.campaigns.factories import ConfirmedPledgeFactory, LiveCampaignPageFactory
from tests.campaigns.test_pledges import link_in, pledge_data

VICTIM = "victim@example.org"


@pytest.fixture
def campaign(campaign_index):
    return LiveCampaignPageFactory(parent=campaign_index, title="Yellow Ribbon")


def post_pledge(client, campaign, **fields):
    # The endpoint the outside test used: no CSRF token, no session.
    return client.post(f"/support/pledge/{campaign.pk}/", pledge_data(**fields))


def test_a_stranger_cannot_rewrite_a_pending_pledge(client, campaign, mailoutbox):
    post_pledge(client, campaign, email=VICTIM, name="Vic Tim", show_name="")
    post_pledge(client, campaign, email=VICTIM, name="Something rude", show_name="on", region="GB-LND")
    pledge = SupporterPledge.objects.get()
    assert (pledge.name, pledge.show_name, pledge.region) == ("Vic Tim", False, "GB-MAN")


def test_resubmissions_send_at_most_once_an_hour_and_three_times_in_all(
    client, campaign, mailoutbox, settings
):
    settings.PLEDGE_RATE_LIMIT = "1000/h"  # the attacker rotates addresses (or waits): not this test
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(25):
            post_pledge(client, campaign, email=VICTIM)
        assert len(mailoutbox) == 1
    with time_machine.travel(start + datetime.timedelta(minutes=59), tick=False):
        post_pledge(client, campaign, email=VICTIM)
        assert len(mailoutbox) == 1
    for hours in (1, 2, 3, 4, 48):
        with time_machine.travel(start + datetime.timedelta(hours=hours, minutes=1), tick=False):
            post_pledge(client, campaign, email=VICTIM)
    assert len(mailoutbox) == 3
    assert {tuple(message.to) for message in mailoutbox} == {(VICTIM,)}


def answer(client, response):
    """What the submitter sees: where they are sent and the page there."""
    page = client.get(response["Location"])
    return response.status_code, response["Location"], page.content.decode()


def test_every_outcome_reads_the_same(client, campaign, settings):
    ConfirmedPledgeFactory(campaign=campaign, email="confirmed@example.org")
    post_pledge(client, campaign, email="pending@example.org")
    answers = {
        "new": answer(client, post_pledge(client, campaign, email="new@example.org")),
        "pending": answer(client, post_pledge(client, campaign, email="pending@example.org")),
        "confirmed": answer(client, post_pledge(client, campaign, email="confirmed@example.org")),
        "bot": answer(client, post_pledge(client, campaign, email="bot@example.org", website="http://x")),
    }
    assert len(set(answers.values())) == 1, answers
    assert "outcome=" not in answers["new"][1]


def test_links_carry_no_email_address(client, campaign, mailoutbox):
    post_pledge(client, campaign, email=VICTIM)
    for kind in ("confirm", "erase"):
        token = link_in(mailoutbox[0], kind).split("/")[3]
        for chunk in re.split(r"[:.]", token):
            padded = chunk + "=" * (-len(chunk) % 4)
            decoded = base64.urlsafe_b64decode(padded).decode("latin-1") if chunk else ""
            assert "victim" not in decoded and "example.org" not in decoded, decoded
        assert "victim" not in token


def test_a_link_forged_from_the_address_opens_nothing(client, campaign, mailoutbox):
    post_pledge(client, campaign, email=VICTIM)
    pledge = SupporterPledge.objects.get()
    # The old links' content, signed by someone who knows the key's output format but not a nonce.
    old_style = signing.dumps({"p": pledge.pk, "e": VICTIM}, salt=SupporterPledge.CONFIRM_SALT)
    assert client.post(f"/support/confirm/{old_style}/").status_code == 404
    assert SupporterPledge.objects.get().status == SupporterPledge.Status.PENDING
    # The real link still works.
    assert client.post(link_in(mailoutbox[0], "confirm")).status_code == 200
    assert SupporterPledge.objects.get().status == SupporterPledge.Status.CONFIRMED
