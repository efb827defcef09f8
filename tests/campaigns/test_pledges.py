import re
import threading

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.utils import timezone

from campaigns.models import SupporterPledge
from tests.campaigns.factories import (
    ConfirmedPledgeFactory,
    EndedCampaignPageFactory,
    LiveCampaignPageFactory,
    PendingPledgeFactory,
    UpcomingCampaignPageFactory,
)


@pytest.fixture
def campaign(campaign_index):
    return LiveCampaignPageFactory(parent=campaign_index, title="Yellow Ribbon", supporter_target=50)


def pledge_data(**overrides):
    data = {
        "name": "Jo Bloggs",
        "show_name": "on",
        "email": "Jo@Example.org",
        "region": "GB-MAN",
        "count_publicly": "on",
        "wants_updates": "",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value != ""}


def link_in(message, kind):
    return re.search(rf"http://testserver(/support/{kind}/[^/\s]+/)", message.body).group(1)


def supporters_shown(client, campaign):
    soup = BeautifulSoup(client.get(campaign.url).content, "html.parser")
    return int(soup.select_one("[data-figure=supporters]").get_text().replace(",", ""))


class TestDoubleOptIn:
    def test_pledge_counts_only_after_the_email_link_is_followed(self, client, campaign, mailoutbox):
        response = client.post(f"{campaign.url}pledge/", pledge_data())
        assert response.status_code == 302
        assert response["Location"].endswith("/pledge/thanks/")
        assert "Check your e-mail" in client.get(response["Location"]).content.decode()

        pledge = SupporterPledge.objects.get()
        assert pledge.email == "jo@example.org"
        assert pledge.status == SupporterPledge.Status.PENDING
        assert supporters_shown(client, campaign) == 0

        assert len(mailoutbox) == 1
        message = mailoutbox[0]
        assert message.to == ["jo@example.org"]
        assert message.subject == "Confirm your pledge to Yellow Ribbon"
        confirm_url = link_in(message, "confirm")

        page = client.get(confirm_url)
        assert "Confirm my pledge" in page.content.decode()
        assert SupporterPledge.objects.get().status == SupporterPledge.Status.PENDING  # a GET changes nothing

        confirmed = client.post(confirm_url)
        assert "your pledge is confirmed" in confirmed.content.decode()
        assert SupporterPledge.objects.get().status == SupporterPledge.Status.CONFIRMED
        assert supporters_shown(client, campaign) == 1
        assert mailoutbox[1].subject == "Thank you: your pledge to Yellow Ribbon is confirmed"
        assert "/support/erase/" in mailoutbox[1].body

    def test_confirming_twice_counts_once(self, client, campaign, mailoutbox):
        client.post(f"{campaign.url}pledge/", pledge_data())
        confirm_url = link_in(mailoutbox[0], "confirm")
        client.post(confirm_url)
        again = client.post(confirm_url)
        assert again.status_code == 200
        assert "your pledge is confirmed" in again.content.decode()
        assert supporters_shown(client, campaign) == 1
        assert len(mailoutbox) == 2  # no second thank-you

    def test_link_expires_after_seven_days(self, client, campaign, mailoutbox):
        client.post(f"{campaign.url}pledge/", pledge_data())
        confirm_url = link_in(mailoutbox[0], "confirm")
        with time_machine.travel(timezone.now() + timezone.timedelta(days=7, minutes=1)):
            response = client.post(confirm_url)
        assert response.status_code == 410
        assert "This link has expired" in response.content.decode()
        assert SupporterPledge.objects.get().status == SupporterPledge.Status.PENDING

    def test_link_still_works_on_day_six(self, client, campaign, mailoutbox):
        client.post(f"{campaign.url}pledge/", pledge_data())
        confirm_url = link_in(mailoutbox[0], "confirm")
        with time_machine.travel(timezone.now() + timezone.timedelta(days=6)):
            client.post(confirm_url)
        assert SupporterPledge.objects.get().status == SupporterPledge.Status.CONFIRMED

    def test_tampered_link_is_refused(self, client, campaign, mailoutbox):
        client.post(f"{campaign.url}pledge/", pledge_data())
        confirm_url = link_in(mailoutbox[0], "confirm")
        response = client.post(confirm_url.replace("/confirm/", "/confirm/x"))
        assert response.status_code == 404
        assert SupporterPledge.objects.get().status == SupporterPledge.Status.PENDING

    def test_erase_link_in_the_confirmation_email_deletes_everything(self, client, campaign, mailoutbox):
        client.post(f"{campaign.url}pledge/", pledge_data())
        erase_url = link_in(mailoutbox[0], "erase")
        assert "Erase my pledge" in client.get(erase_url).content.decode()
        assert SupporterPledge.objects.count() == 1
        response = client.post(erase_url)
        assert "Your details have been erased" in response.content.decode()
        assert SupporterPledge.objects.count() == 0
        # the confirmation link now finds nothing
        assert client.post(link_in(mailoutbox[0], "confirm")).status_code == 404

    def test_erasing_a_confirmed_pledge_takes_it_off_the_count(self, client, campaign, mailoutbox):
        client.post(f"{campaign.url}pledge/", pledge_data())
        client.post(link_in(mailoutbox[0], "confirm"))
        assert supporters_shown(client, campaign) == 1
        client.post(link_in(mailoutbox[1], "erase"))
        assert supporters_shown(client, campaign) == 0


class TestDuplicates:
    def test_same_email_twice_gives_one_pledge_and_the_same_answer(self, client, campaign, mailoutbox):
        first = client.post(f"{campaign.url}pledge/", pledge_data())
        second = client.post(f"{campaign.url}pledge/", pledge_data(email="JO@example.org", name="Jo B"))
        assert second["Location"] == first["Location"]
        assert "Check your e-mail" in client.get(second["Location"]).content.decode()
        assert SupporterPledge.objects.count() == 1
        assert SupporterPledge.objects.get().name == "Jo Bloggs"  # a resubmission changes nothing
        assert len(mailoutbox) == 1  # and the link goes out again at most once an hour

    def test_pledging_again_after_confirming_reads_the_same(self, client, campaign, mailoutbox):
        ConfirmedPledgeFactory(campaign=campaign, email="jo@example.org")
        response = client.post(f"{campaign.url}pledge/", pledge_data())
        assert response["Location"].endswith("/pledge/thanks/")
        assert "Check your e-mail" in client.get(response["Location"]).content.decode()
        assert SupporterPledge.objects.count() == 1
        assert mailoutbox == []

    def test_the_same_email_may_back_two_campaigns(self, client, campaign, campaign_index):
        other = LiveCampaignPageFactory(parent=campaign_index)
        client.post(f"{campaign.url}pledge/", pledge_data())
        client.post(f"{other.url}pledge/", pledge_data())
        assert SupporterPledge.objects.count() == 2


class TestForm:
    def test_missing_email_is_explained_next_to_the_field_and_input_kept(self, client, campaign):
        response = client.post(f"{campaign.url}pledge/", pledge_data(email=""))
        assert response.status_code == 400
        soup = BeautifulSoup(response.content, "html.parser")
        error = soup.select_one("#id_email-error")
        assert "Enter your e-mail address" in error.get_text()
        assert soup.select_one("#id_email")["aria-describedby"].startswith("id_email-error")
        assert soup.select_one("#id_email")["aria-invalid"] == "true"
        assert soup.select_one("#id_name")["value"] == "Jo Bloggs"
        assert soup.select_one(".error-summary a")["href"] == "#id_email"
        assert SupporterPledge.objects.count() == 0

    @pytest.mark.parametrize(
        "overrides, field, message",
        [
            ({"email": "not-an-address"}, "email", "Enter an e-mail address"),
            ({"count_publicly": ""}, "count_publicly", "Tick this box"),
            ({"region": "XX-NOPE"}, "region", "Select a valid choice"),
            ({"name": "", "show_name": "on"}, "name", "Enter the name you want shown"),
            ({"name": "x" * 200}, "name", "at most 80 characters"),
        ],
    )
    def test_bad_input_gets_a_clear_field_error(self, client, campaign, overrides, field, message):
        response = client.post(f"{campaign.url}pledge/", pledge_data(**overrides))
        assert response.status_code == 400
        soup = BeautifulSoup(response.content, "html.parser")
        assert message in soup.select_one(f"#id_{field}-error").get_text()
        assert SupporterPledge.objects.count() == 0

    def test_honeypot_pretends_success_but_saves_nothing(self, client, campaign, mailoutbox):
        response = client.post(f"{campaign.url}pledge/", pledge_data(website="http://spam.example"))
        assert response.status_code == 302
        assert SupporterPledge.objects.count() == 0
        assert mailoutbox == []

    def test_rate_limit_per_address(self, client, campaign, settings):
        settings.PLEDGE_RATE_LIMIT = "3/h"
        for n in range(3):
            assert (
                client.post(f"{campaign.url}pledge/", pledge_data(email=f"p{n}@example.org")).status_code
                == 302
            )
        blocked = client.post(f"{campaign.url}pledge/", pledge_data(email="p4@example.org"))
        assert blocked.status_code == 429
        assert "Too many pledges" in blocked.content.decode()
        assert (
            BeautifulSoup(blocked.content, "html.parser").select_one("#id_email")["value"] == "p4@example.org"
        )
        other_address = client.post(
            f"{campaign.url}pledge/", pledge_data(email="p5@example.org"), REMOTE_ADDR="10.1.1.1"
        )
        assert other_address.status_code == 302
        assert SupporterPledge.objects.count() == 4

    @pytest.mark.parametrize("factory", [UpcomingCampaignPageFactory, EndedCampaignPageFactory])
    def test_campaigns_not_live_take_no_pledges(self, client, campaign_index, factory):
        campaign = factory(parent=campaign_index)
        page = client.get(campaign.url).content.decode()
        assert "Add my pledge" not in page
        response = client.post(f"{campaign.url}pledge/", pledge_data())
        assert response.status_code == 400
        assert SupporterPledge.objects.count() == 0

    def test_get_on_the_pledge_address_goes_back_to_the_campaign(self, client, campaign):
        response = client.get(f"{campaign.url}pledge/")
        assert response.status_code == 302


class TestCounter:
    def test_counter_shows_confirmed_pledges_and_target(self, client, campaign):
        ConfirmedPledgeFactory.create_batch(3, campaign=campaign)
        PendingPledgeFactory.create_batch(2, campaign=campaign)
        soup = BeautifulSoup(client.get(campaign.url).content, "html.parser")
        assert soup.select_one("[data-figure=supporters]").get_text() == "3"
        assert "of 50 supporters" in soup.select_one(".counter").get_text()
        assert soup.select_one("progress")["value"] == "6"

    def test_names_shown_only_with_agreement(self, client, campaign):
        ConfirmedPledgeFactory(campaign=campaign, name="Visible Vera", show_name=True)
        ConfirmedPledgeFactory(campaign=campaign, name="Private Pat", show_name=False)
        PendingPledgeFactory(campaign=campaign, name="Pending Pete", show_name=True)
        page = client.get(campaign.url).content.decode()
        assert "Visible Vera" in page
        assert "Private Pat" not in page
        assert "Pending Pete" not in page
        assert "@example.org" not in page

    def test_home_page_shows_all_confirmed_supporters(self, client, campaign, campaign_index):
        ConfirmedPledgeFactory.create_batch(2, campaign=campaign)
        ConfirmedPledgeFactory(campaign=LiveCampaignPageFactory(parent=campaign_index))
        PendingPledgeFactory(campaign=campaign)
        soup = BeautifulSoup(client.get("/").content, "html.parser")
        assert soup.select_one("[data-figure=supporters]").get_text() == "3"

    def test_campaign_index_counts_a_confirmation_at_once(self, client, campaign, settings):
        """The index's counts are kept a minute, but a confirmed pledge shows on the next view."""
        settings.PAGE_CACHE_SECONDS = 0  # the counts, not the page cache
        ConfirmedPledgeFactory.create_batch(2, campaign=campaign)
        pending = PendingPledgeFactory(campaign=campaign)
        assert "2 of 50 supporters" in client.get("/campaigns/").content.decode()
        assert pending.confirm()
        assert "3 of 50 supporters" in client.get("/campaigns/").content.decode()
        SupporterPledge.objects.get(pk=pending.pk).delete()  # erased on request
        assert "2 of 50 supporters" in client.get("/campaigns/").content.decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_confirmations_count_once(home):
    from tests.campaigns.factories import CampaignIndexPageFactory

    campaign = LiveCampaignPageFactory(parent=CampaignIndexPageFactory(parent=home))
    pledge = PendingPledgeFactory(campaign=campaign)
    results, barrier = [], threading.Barrier(4)

    def confirm():
        from django.db import connections

        try:
            barrier.wait()
            results.append(SupporterPledge.objects.get(pk=pledge.pk).confirm())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=confirm) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(True) == 1
    assert SupporterPledge.objects.confirmed().count() == 1


class TestCachedCampaignPage:
    """The campaign page carries no CSRF token, so anonymous visitors can get it from the cache."""

    def test_the_form_posts_to_the_support_address_without_a_token(self, client, campaign):
        response = client.get(campaign.url)
        assert b"csrfmiddlewaretoken" not in response.content
        assert "csrftoken" not in response.cookies
        assert f'action="/support/pledge/{campaign.pk}/"'.encode() in response.content

    def test_a_pledge_without_a_token_is_taken(self, campaign, mailoutbox):
        from django.test import Client

        strict = Client(enforce_csrf_checks=True)
        response = strict.post(f"/support/pledge/{campaign.pk}/", pledge_data())
        assert response.status_code == 302
        assert response["Location"].endswith("pledge/thanks/")
        assert campaign.pledges.get().email.lower() == "jo@example.org"
        assert len(mailoutbox) == 1

    def test_bad_input_shows_the_campaign_page_with_field_errors(self, client, campaign):
        response = client.post(f"/support/pledge/{campaign.pk}/", pledge_data(email="not an address"))
        assert response.status_code == 400
        assert "Enter an e-mail address in the form name@example.org." in response.content.decode()
        assert b"not an address" in response.content  # what was typed is kept
        assert campaign.pledges.count() == 0

    def test_an_unknown_or_draft_campaign_is_not_found(self, client, campaign):
        assert client.post("/support/pledge/999999/", pledge_data()).status_code == 404
        campaign.unpublish()
        assert client.post(f"/support/pledge/{campaign.pk}/", pledge_data()).status_code == 404

    def test_a_get_goes_back_to_the_campaign(self, client, campaign):
        response = client.get(f"/support/pledge/{campaign.pk}/")
        assert response.status_code == 302 and response["Location"] == campaign.url

    def test_the_page_cache_serves_the_campaign_page(self, client, campaign, settings):
        settings.PAGE_CACHE_SECONDS = 60
        first = client.get(campaign.url)
        second = client.get(campaign.url)
        assert first.status_code == second.status_code == 200
        assert second.get("X-Page-Cache") == "hit"
