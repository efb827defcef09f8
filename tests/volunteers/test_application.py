"""The public "Volunteer with us" application and the confirmation link that opens the volunteer
area: no account is made for an address whose owner has not opened the link sent to it."""

import re

import pytest
import time_machine
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.utils import timezone

from tests.employers.factories import VerifiedUserFactory
from tests.volunteers.factories import VolunteerFactory, VolunteerWithAccountFactory
from volunteers.models import Status, Volunteer

APPLY = "/volunteer/"
GOOD = {
    "role": "peer-mentor",
    "full_name": "Jo Helper",
    "email": "Jo.Helper@Example.org",
    "phone": "",
    "region": "GB-MAN",
    "languages": ["en", "pl"],
    "other_languages": "Tigrinya",
    "availability": ["weekends"],
    "availability_note": "",
    "motivation": "I was helped once.",
    "lived_experience": "The first weeks out were the hardest.",
    "consent": "on",
}
PASSWORD = "a long and unusual passphrase 42"


def claim_link(message):
    return re.search(r"http://testserver(/volunteer/confirm/[^/\s]+/)", message.body).group(1)


@pytest.fixture
def applied(client, home, mailoutbox):
    response = client.post(APPLY, GOOD)
    assert response.status_code == 302 and response["Location"] == "/volunteer/thanks/"
    return Volunteer.objects.get()


def test_the_application_page_is_linked_from_every_page_and_asks_no_offence(client, home):
    home_page = client.get("/")
    assert 'href="/volunteer/"' in home_page.content.decode()
    page = client.get(APPLY)
    assert page.status_code == 200
    text = page.content.decode().lower()
    assert "offence" in text  # only to say it is never asked
    for field in ("conviction", "sentence", "offence"):
        assert f'name="{field}' not in text


def test_applying_creates_the_record_and_no_account(applied, mailoutbox):
    assert applied.status == Status.APPLIED
    assert applied.email == "jo.helper@example.org"
    assert applied.languages == ["en", "pl"] and applied.user is None
    assert applied.lived_experience.startswith("The first weeks")
    assert applied.consented_at is not None
    assert not get_user_model().objects.filter(email__iexact="jo.helper@example.org").exists()
    (message,) = mailoutbox
    assert message.to == ["jo.helper@example.org"]
    assert "peer mentor" in message.body.lower() and claim_link(message)


def test_lived_experience_is_kept_only_for_peer_mentors(client, home):
    client.post(APPLY, {**GOOD, "role": "befriender"})
    assert Volunteer.objects.get().lived_experience == ""


def test_bad_input_is_answered_next_to_the_field_and_keeps_what_was_typed(client, home):
    response = client.post(APPLY, {**GOOD, "email": "not-an-address", "consent": "", "availability": []})
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".error-summary")
    assert "name@example.org" in soup.select_one("#id_email-error").get_text()
    assert "Tick this box" in soup.select_one("#id_consent-error").get_text()
    assert "at least one time" in soup.select_one("#id_availability-error").get_text()
    assert soup.select_one("#id_full_name")["value"] == "Jo Helper"
    assert soup.select_one("#id_motivation").get_text().strip() == "I was helped once."
    assert soup.select_one('input[name="languages"][value="pl"]').has_attr("checked")
    assert not Volunteer.objects.exists()


def test_applications_are_rate_limited(client, home, settings):
    settings.VOLUNTEER_APPLICATION_RATE_LIMIT = "2/h"
    for _ in range(2):
        assert client.post(APPLY, GOOD).status_code == 302
    response = client.post(APPLY, GOOD)
    assert response.status_code == 429
    assert "Too many applications" in response.content.decode()
    assert Volunteer.objects.count() == 2


def test_a_bot_filling_the_hidden_field_creates_nothing(client, home, mailoutbox):
    assert client.post(APPLY, {**GOOD, "website": "http://spam"}).status_code == 302
    assert not Volunteer.objects.exists() and not mailoutbox


def test_the_link_sets_a_password_opens_the_area_and_works_once(client, applied, mailoutbox):
    link = claim_link(mailoutbox[0])
    assert "Choose a password" in client.get(link).content.decode()
    short = client.post(link, {"password1": "short", "password2": "short"})
    assert short.status_code == 400 and not get_user_model().objects.exists()
    response = client.post(link, {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/volunteer/area/"
    user = get_user_model().objects.get(email="jo.helper@example.org")
    assert EmailAddress.objects.get(user=user).verified
    applied.refresh_from_db()
    assert applied.user == user
    area = client.get("/volunteer/area/")
    assert area.status_code == 200 and "Applied" in area.content.decode()
    client.logout()
    again = client.get(link)
    assert again.status_code == 410 and 'data-problem="used"' in again.content.decode()


def test_a_tampered_or_expired_link_is_answered_clearly(client, applied, mailoutbox):
    link = claim_link(mailoutbox[0])
    tampered = client.get(link[:-3] + "xx/")
    assert tampered.status_code == 404 and 'data-problem="invalid"' in tampered.content.decode()
    with time_machine.travel(timezone.now() + timezone.timedelta(days=15)):
        expired = client.get(link)
    assert expired.status_code == 410 and 'data-problem="expired"' in expired.content.decode()


def test_applying_with_someone_elses_address_gives_no_access_to_their_account(client, home, mailoutbox):
    """An attacker types a victim's address: the victim's account is not linked, and without the
    e-mailed link nobody can open a volunteer area for it."""
    victim = VerifiedUserFactory(email="victim@example.org")
    client.post(APPLY, {**GOOD, "email": "victim@example.org"})
    volunteer = Volunteer.objects.get()
    assert volunteer.user is None
    client.force_login(VerifiedUserFactory(email="attacker@example.org"))
    assert client.get("/volunteer/area/")["Location"] == "/volunteer/"
    client.logout()
    # The owner of the address, following the link, is asked to log in to their own account.
    page = client.get(claim_link(mailoutbox[0]))
    assert 'data-problem="log-in"' in page.content.decode()
    assert (
        client.post(claim_link(mailoutbox[0]), {"password1": PASSWORD, "password2": PASSWORD}).status_code
        == 200
    )
    volunteer.refresh_from_db()
    assert volunteer.user is None and not victim.check_password(PASSWORD)


def test_a_signed_in_person_applies_as_themselves(client, home, mailoutbox):
    person = VerifiedUserFactory(email="signed.in@example.org")
    client.force_login(person)
    page = client.get(APPLY).content.decode()
    assert 'name="email"' not in page and "signed.in@example.org" in page
    response = client.post(APPLY, {**GOOD, "email": "someone.else@example.org"})
    assert response["Location"] == "/volunteer/area/"
    volunteer = Volunteer.objects.get()
    assert volunteer.user == person and volunteer.email == "signed.in@example.org"
    assert mailoutbox[0].to == ["signed.in@example.org"] and "/volunteer/confirm/" not in mailoutbox[0].body
    assert client.get(APPLY)["Location"] == "/volunteer/area/"


def test_a_volunteer_already_with_an_account_is_sent_to_their_area(client, home):
    volunteer = VolunteerWithAccountFactory()
    client.force_login(volunteer.user)
    assert client.get(APPLY)["Location"] == "/volunteer/area/"


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_application_works_in_every_language(client, home, mailoutbox, language):
    page = client.get(f"/{language}/volunteer/")
    assert page.status_code == 200
    client.post(f"/{language}/volunteer/", GOOD)
    assert Volunteer.objects.get().language == language
    assert mailoutbox[0].extra_headers["Content-Language"] == language
    assert mailoutbox[0].subject != "Thank you for offering to volunteer"  # written in their language


def test_the_application_page_stays_within_the_public_page_budget(
    client, home, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        assert client.get(APPLY).status_code == 200
    VolunteerFactory.create_batch(20)
    with django_assert_max_num_queries(12):
        assert client.get(APPLY).status_code == 200


def test_a_person_logged_in_links_the_application_from_the_link_to_their_account(client, applied, mailoutbox):
    person = VerifiedUserFactory(email="jo.personal@example.org")
    client.force_login(person)
    link = claim_link(mailoutbox[0])
    assert "Link to my account" in client.get(link).content.decode()
    assert client.post(link)["Location"] == "/volunteer/area/"
    applied.refresh_from_db()
    assert applied.user == person
    header = (
        client.get("/stories/")
        .content.decode()
        .split('<header class="site-header">', 1)[1]
        .split("</header>")[0]
    )
    assert 'href="/volunteer/area/"' in header


def test_someone_with_a_volunteer_record_cannot_take_a_second_one(client, applied, mailoutbox):
    client.force_login(VolunteerWithAccountFactory().user)
    response = client.post(claim_link(mailoutbox[0]))
    assert response.status_code == 409 and 'data-problem="has-record"' in response.content.decode()
    applied.refresh_from_db()
    assert applied.user is None
