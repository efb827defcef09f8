"""Signing up for an event: double opt-in, duplicates, errors, the waiting list, cancelling."""

import datetime
import re

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core import mail
from django.utils import timezone

from community_events.models import Attendee, SignUpSheet
from tests.community_events.factories import (
    AttendeeFactory,
    EventPageFactory,
    OnlineEventPageFactory,
    PastEventPageFactory,
    WaitingAttendeeFactory,
)
from tests.employers.factories import VerifiedUserFactory
from tests.portal.factories import UserFactory


def form_data(**overrides):
    data = {"name": "Jo Bloggs", "email": "Jo@Example.org", "accessibility_needs": "", "consent": "on"}
    data.update(overrides)
    return {key: value for key, value in data.items() if value != ""}


def link_in(message, kind):
    """The site path of the first link of `kind` (confirm, place, cancel) in an e-mail."""
    pattern = {
        "confirm": r"/events/confirm/[^/\s]+/",
        "place": r"/events/place/[^/\s]+/(?!\S)",
        "cancel": r"/events/place/[^/\s]+/cancel/",
        "calendar": r"/events/place/[^/\s]+/calendar\.ics",
    }[kind]
    return re.search(rf"https?://[^/\s]+((?:/[a-z]{{2}})?{pattern})", message.body).group(1)


def sign_up(client, event, **overrides):
    return client.post(f"/events/sign-up/{event.pk}/", form_data(**overrides))


def confirm_by_email(client, message):
    url = link_in(message, "confirm")
    return client.post(url)


@pytest.fixture
def event(event_index):
    return EventPageFactory(parent=event_index, title="Spring job fair", capacity=2)


def test_a_visitor_signs_up_confirms_by_email_and_holds_a_place(client, event):
    page = client.get(event.url)
    assert page.status_code == 200
    assert b"2 places left" in page.content

    response = sign_up(client, event)
    assert response.status_code == 302
    assert response["Location"] == f"/events/sign-up/{event.pk}/thanks/"
    assert b"Check your e-mail" in client.get(response["Location"]).content
    attendee = Attendee.objects.get()
    assert (attendee.status, attendee.email, attendee.name) == ("pending", "jo@example.org", "Jo Bloggs")
    assert len(mail.outbox) == 1 and "Confirm your place at Spring job fair" in mail.outbox[0].subject

    # Opening the link changes nothing (mail scanners open links); the button confirms.
    url = link_in(mail.outbox[0], "confirm")
    assert b"Confirm my place" in client.get(url).content
    assert Attendee.objects.get().status == "pending"
    response = client.post(url)
    assert b"Your place is confirmed" in response.content
    assert Attendee.objects.get().status == "confirmed"
    assert "is confirmed" in mail.outbox[-1].subject
    assert b"1 place left" in client.get(event.url).content

    # Following the link again confirms nothing twice and sends nothing more.
    sent = len(mail.outbox)
    client.post(url)
    assert len(mail.outbox) == sent


def test_the_same_address_never_takes_a_second_place(client, event):
    sign_up(client, event)
    confirm_by_email(client, mail.outbox[0])
    mail.outbox.clear()
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=2)):
        response = sign_up(client, event, email="JO@example.org ", name="Someone Else")
    assert response.status_code == 302
    thanks = client.get(response["Location"]).content.decode()
    assert "signing up again never makes a second one" in thanks
    assert Attendee.objects.count() == 1
    assert Attendee.objects.get().name == "Jo Bloggs"  # what was stored is not overwritten
    assert len(mail.outbox) == 1 and "already signed up" in mail.outbox[0].subject


def test_bad_input_is_shown_next_to_the_field_and_kept(client, event):
    response = sign_up(client, event, email="not-an-address", consent="", name="Ana")
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert "Enter an e-mail address in the form name@example.org." in soup.get_text()
    assert "Tick this box so that we can keep your place." in soup.get_text()
    assert soup.find("input", {"name": "name"})["value"] == "Ana"
    assert soup.find("input", {"name": "email"})["value"] == "not-an-address"
    assert not Attendee.objects.exists()


def test_a_bot_filling_the_hidden_field_gets_the_same_answer_and_no_place(client, event):
    response = sign_up(client, event, website="http://spam.example")
    assert response.status_code == 302
    assert not Attendee.objects.exists() and not mail.outbox


def test_sign_ups_are_rate_limited_per_connection(client, event, settings):
    settings.EVENT_SIGN_UP_RATE_LIMIT = "3/h"
    for n in range(3):
        assert sign_up(client, event, email=f"p{n}@example.org").status_code == 302
    response = sign_up(client, event, email="p9@example.org")
    assert response.status_code == 429
    assert b"Too many sign-ups" in response.content
    assert Attendee.objects.count() == 3


def test_confirmation_emails_to_one_address_are_limited(client, event):
    for _ in range(5):
        sign_up(client, event)
    assert len(mail.outbox) == 1  # once an hour at most, however often the form is posted


def test_a_full_event_puts_people_on_a_waiting_list_that_moves_up_when_someone_cancels(client, event):
    first, second = AttendeeFactory.create_batch(2, event=event)
    sign_up(client, event, email="third@example.org")
    response = confirm_by_email(client, mail.outbox[-1])
    assert b"number 1 on the waiting list" in response.content
    sign_up(client, event, email="fourth@example.org")
    confirm_by_email(client, mail.outbox[-1])
    third = Attendee.objects.get(email="third@example.org")
    fourth = Attendee.objects.get(email="fourth@example.org")
    assert (third.status, third.waiting_position()) == ("waiting", 1)
    assert fourth.waiting_position() == 2
    page = client.get(event.url).content.decode()
    assert "This event is full" in page

    # The confirmed attendee's cancellation link: GET asks, POST cancels.
    mail.outbox.clear()
    cancel_url = f"/events/place/{first.attendee_token()}/cancel/"
    assert b"Cancel my place" in client.get(cancel_url).content
    assert Attendee.objects.get(pk=first.pk).status == "confirmed"
    response = client.post(cancel_url)
    assert b"Your place is cancelled" in response.content
    assert Attendee.objects.get(pk=first.pk).status == "cancelled"
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert third.status == "confirmed" and fourth.waiting_position() == 1
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert "You have a place at" in subjects["third@example.org"]
    assert "is cancelled" in subjects[first.email]
    assert "fourth@example.org" not in subjects

    # Cancelling twice frees nothing twice.
    client.post(cancel_url)
    fourth.refresh_from_db()
    assert fourth.status == "waiting"
    assert second.status == "confirmed"


def test_a_waiting_person_cancelling_moves_nobody(client, event):
    AttendeeFactory.create_batch(2, event=event)
    waiting = WaitingAttendeeFactory(event=event)
    later = WaitingAttendeeFactory(event=event)
    client.post(f"/events/place/{waiting.attendee_token()}/cancel/")
    later.refresh_from_db()
    assert later.status == "waiting" and later.waiting_position() == 1


def test_a_signed_in_verified_person_signs_up_in_one_click(client, event):
    user = VerifiedUserFactory(email="member@example.org", first_name="Sam", last_name="Lee")
    client.force_login(user)
    page = client.get(event.url).content.decode()
    assert "Sign me up" in page and 'name="email"' not in page
    response = client.post(f"/events/join/{event.pk}/", {"accessibility_needs": "Step-free access"})
    assert response.status_code == 302
    attendee = Attendee.objects.get()
    assert (attendee.status, attendee.user, attendee.name) == ("confirmed", user, "Sam Lee")
    assert "is confirmed" in mail.outbox[-1].subject
    client.post(f"/events/join/{event.pk}/")
    assert Attendee.objects.count() == 1
    assert "You have a place at this event." in client.get(event.url).content.decode()


def test_the_one_click_sign_up_answers_on_the_event_page(client, event):
    """The event page is where the button was: the outcome is shown there, next to the sign-up."""
    client.force_login(VerifiedUserFactory(email="member@example.org"))
    page = client.post(f"/events/join/{event.pk}/", follow=True).content.decode()
    assert "Your place is confirmed. We have e-mailed you the details." in page
    again = client.post(f"/events/join/{event.pk}/", follow=True).content.decode()
    assert "You are already signed up for this event: you keep your one place." in again


def test_one_click_needs_a_verified_address_and_a_post(client, event):
    client.force_login(UserFactory(email="unverified@example.org"))
    assert client.get(f"/events/join/{event.pk}/").status_code == 405
    client.post(f"/events/join/{event.pk}/")
    assert not Attendee.objects.exists()


def test_the_one_click_form_is_protected_against_cross_site_posts(event):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(VerifiedUserFactory())
    assert client.post(f"/events/join/{event.pk}/").status_code == 403
    assert not Attendee.objects.exists()


def test_past_and_cancelled_events_take_no_sign_ups(client, event_index):
    past = PastEventPageFactory(parent=event_index)
    cancelled = EventPageFactory(parent=event_index, cancelled=True, cancellation_reason="The hall flooded.")
    for closed, says in ((past, b"This event is over."), (cancelled, b"sign-ups are closed")):
        response = sign_up(client, closed)
        assert response.status_code == 400
        assert says in response.content
    assert not Attendee.objects.exists()


@pytest.mark.parametrize("token", ["nonsense", "eyJhIjoxfQ:1abc:def"])
def test_tampered_links_find_nobody(client, event, token):
    AttendeeFactory(event=event)
    for url in (f"/events/confirm/{token}/", f"/events/place/{token}/", f"/events/place/{token}/cancel/"):
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    assert Attendee.objects.get().status == "confirmed"


def test_a_link_from_before_a_new_sign_up_no_longer_works(client, event):
    """An attendee link carries a random value: a guessed id with another value is refused."""
    attendee = AttendeeFactory(event=event)
    token = attendee.attendee_token()
    Attendee.objects.filter(pk=attendee.pk).update(link_nonce="changed")
    assert client.post(f"/events/place/{token}/cancel/").status_code == 404
    assert Attendee.objects.get().status == "confirmed"


def test_the_online_link_is_for_confirmed_attendees_only(client, event_index):
    online = OnlineEventPageFactory(parent=event_index, capacity=1)
    secret = online.online_link
    assert secret not in client.get(online.url).content.decode()
    confirmed = AttendeeFactory(event=online)
    waiting = WaitingAttendeeFactory(event=online)
    assert secret in client.get(f"/events/place/{confirmed.attendee_token()}/").content.decode()
    assert secret not in client.get(f"/events/place/{waiting.attendee_token()}/").content.decode()
    response = client.get(f"/events/place/{confirmed.attendee_token()}/")
    assert "no-store" in response["Cache-Control"] and response["Referrer-Policy"] == "same-origin"


def test_translations_share_one_sheet_and_capacity(client, event):
    from wagtail.models import Locale

    french = event.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=True)
    french.save_revision().publish()
    french = french.specific
    AttendeeFactory.create_batch(2, event=event)
    assert SignUpSheet.for_event(french) == SignUpSheet.for_event(event)
    client.post(f"/fr/events/sign-up/{french.pk}/", form_data(email="fr@example.org"))
    attendee = Attendee.objects.get(email="fr@example.org")
    assert attendee.sheet.event_id == event.pk and attendee.language == "fr"
    client.post(link_in(mail.outbox[-1], "confirm"))
    assert Attendee.objects.get(email="fr@example.org").status == "waiting"
