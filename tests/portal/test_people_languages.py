"""A signed-in person chooses their language in their account: the choice is kept, the site opens in
it when they sign in (the language cookie set), and allauth's e-mails to them are written in it with
links under its prefix. A new account keeps the language of the page it signed up on."""

import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from tests.employers.factories import OwnerFactory, VerifiedUserFactory

PASSWORD = "correct horse battery staple"  # UserFactory's
LANGUAGE_PAGE = "/accounts/language/"


@pytest.fixture
def person(db):
    return VerifiedUserFactory(email="amina@example.org")


def test_the_page_offers_the_four_languages_each_in_its_own_words(client, person):
    client.force_login(person)
    page = client.get(LANGUAGE_PAGE)
    assert page.status_code == 200
    body = page.content.decode()
    for name in ("English", "Français", "Español", "العربية"):
        assert name in body
    assert f'href="{LANGUAGE_PAGE}"' in client.get("/accounts/password/change/").content.decode()


def test_choosing_french_keeps_it_sets_the_cookie_and_opens_the_page_in_french(client, person):
    client.force_login(person)
    response = client.post(LANGUAGE_PAGE, {"language": "fr"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/language/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    person.refresh_from_db()
    assert person.language == "fr"
    # Wagtail's admin follows the same choice.
    assert UserProfile.get_for_user(person).preferred_language == "fr"
    followed = client.get(response["Location"])
    assert followed.status_code == 200
    assert '<html lang="fr"' in followed.content.decode()
    soup = BeautifulSoup(followed.content, "html.parser")
    assert soup.select_one("input[name=language][checked]")["value"] == "fr"
    assert "Votre langue est enregistrée." in soup.get_text()


@pytest.mark.parametrize("posted", [{}, {"language": "de"}])
def test_no_language_or_an_unknown_one_is_refused_with_a_message(client, person, posted):
    client.force_login(person)
    response = client.post(LANGUAGE_PAGE, posted)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Choose a language." in body or "Choose one of the languages in the list." in body
    person.refresh_from_db()
    assert person.language == ""


def test_the_page_asks_for_a_sign_in(client, db):
    response = client.get(LANGUAGE_PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_signing_in_lands_in_the_chosen_language_with_the_cookie(client, db):
    owner = OwnerFactory(user__email="owner@example.org", user__language="ar").user
    response = client.post("/accounts/login/", {"login": owner.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/ar/employer/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"


def test_signing_in_without_a_choice_lands_as_before(client, db):
    owner = OwnerFactory(user__email="owner@example.org").user
    response = client.post("/accounts/login/", {"login": owner.email, "password": PASSWORD})
    assert response["Location"] == "/employer/"
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_a_sign_up_on_the_spanish_page_keeps_spanish_and_is_confirmed_in_it(client, db, mailoutbox):
    response = client.post(
        "/es/accounts/signup/",
        {
            "email": "nuevo@example.org",
            "password1": "a long new passphrase 91",
            "password2": "a long new passphrase 91",
        },
    )
    assert response.status_code == 302
    assert get_user_model().objects.get(email="nuevo@example.org").language == "es"
    [message] = mailoutbox
    assert message.extra_headers["Content-Language"] == "es"
    link = re.search(r"https?://[^/\s]+(/\S*/accounts/confirm-email/\S+/)", message.body).group(1)
    assert link.startswith("/es/accounts/confirm-email/")
    assert client.get(link).status_code == 200


def test_a_password_reset_goes_out_in_the_accounts_language_whatever_page_asked(client, person, mailoutbox):
    person.language = "fr"
    person.save()
    client.post("/accounts/password/reset/", {"email": person.email})
    [message] = mailoutbox
    assert message.extra_headers["Content-Language"] == "fr"
    link = re.search(r"https?://[^/\s]+(/\S*accounts/password/reset/key/\S+/)", message.body).group(1)
    assert link.startswith("/fr/accounts/password/reset/key/")
    assert client.get(link, follow=True).status_code == 200
    # Every address of the site in it is a French one.
    for address in re.findall(r"https?://[^/\s]+(/\S*)", message.body):
        assert address.startswith("/fr/"), address
