"""allauth's e-mails, each sent through the real flow, speak for the portal: they name it and give
its public address (WAGTAIL_SITE_NAME and PORTAL_SITE_URL, one place), never the request's host
("Hello from 127.0.0.1:8000!") or allauth's "for user" wording."""

import re
import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, format_hotp_value, hotp_value
from django.conf import settings

from tests.employers.factories import VerifiedUserFactory

PASSWORD = "correct horse battery staple"  # UserFactory's
NEW_PASSWORD = "another long and unusual passphrase 77"
PUBLIC_ADDRESS = "https://portal.example.org"


@pytest.fixture(autouse=True)
def public_address(settings):
    """A public address the test server never answers on, so it can only come from the setting."""
    settings.PORTAL_SITE_URL = PUBLIC_ADDRESS


def assert_in_the_portals_voice(message):
    text = re.sub(r"https?://\S+", "", f"{message.subject}\n{message.body}")
    assert settings.WAGTAIL_SITE_NAME in message.subject, message.subject
    assert settings.WAGTAIL_SITE_NAME in message.body, message.body
    assert PUBLIC_ADDRESS in message.body, message.body
    for wrong in ("Hello from", "testserver", "for user", "example.com", "email", "Email"):
        assert wrong not in text, f"{wrong!r} in:\n{text}"
    assert message.subject[len(f"[{settings.WAGTAIL_SITE_NAME}] ") :][:1].isupper()


def logged_in(client, user):
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return user


def test_sign_up_confirmation(client, home, mailoutbox):
    client.post(
        "/accounts/signup/",
        {"email": "new@example.org", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    (message,) = mailoutbox
    assert_in_the_portals_voice(message)
    assert "new@example.org" in message.body
    assert re.search(r"/accounts/confirm-email/\S+/", message.body)


def test_sign_up_with_an_address_that_has_an_account(client, home, mailoutbox):
    VerifiedUserFactory(email="taken@example.org")
    client.post(
        "/accounts/signup/",
        {"email": "taken@example.org", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    (message,) = mailoutbox
    assert_in_the_portals_voice(message)
    assert "/accounts/password/reset/" in message.body


def test_password_reset_link_and_the_notice_after_reset(client, home, mailoutbox):
    VerifiedUserFactory(email="forgetful@example.org")
    client.post("/accounts/password/reset/", {"email": "forgetful@example.org"})
    (message,) = mailoutbox
    assert_in_the_portals_voice(message)
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+/)", message.body).group(1)

    form = client.get(link, follow=True)
    response = client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else link,
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    notice = mailoutbox[-1]
    assert notice is not message
    assert_in_the_portals_voice(notice)
    assert "password" in notice.body


def test_password_reset_for_an_unknown_address(client, home, mailoutbox):
    client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    (message,) = mailoutbox
    assert_in_the_portals_voice(message)
    assert "/accounts/signup/" in message.body


def test_password_change_notice(client, home, mailoutbox):
    logged_in(client, VerifiedUserFactory())
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    (message,) = mailoutbox
    assert_in_the_portals_voice(message)


def test_adding_changing_and_removing_e_mail_addresses(client, home, mailoutbox):
    user = logged_in(client, VerifiedUserFactory(email="first@example.org"))
    client.post("/accounts/email/", {"action_add": "", "email": "second@example.org"})
    confirmation = mailoutbox[-1]
    assert confirmation.to == ["second@example.org"]
    assert_in_the_portals_voice(confirmation)

    EmailAddress.objects.filter(email="second@example.org").update(verified=True)
    client.post("/accounts/email/", {"action_primary": "", "email": "second@example.org"})
    changed = mailoutbox[-1]
    assert changed is not confirmation
    assert_in_the_portals_voice(changed)
    assert "first@example.org" in changed.body and "second@example.org" in changed.body

    client.post("/accounts/email/", {"action_remove": "", "email": "first@example.org"})
    removed = mailoutbox[-1]
    assert removed is not changed
    assert_in_the_portals_voice(removed)
    assert not EmailAddress.objects.filter(user=user, email="first@example.org").exists()


def test_two_factor_notices(client, home, mailoutbox, django_capture_on_commit_callbacks):
    logged_in(client, VerifiedUserFactory())
    assert client.get("/accounts/2fa/totp/activate/")["Location"].startswith("/accounts/reauthenticate/")
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert client.get("/accounts/2fa/totp/activate/").status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/2fa/totp/activate/", {"code": code})
    assert response.status_code == 302
    assert len(mailoutbox) == 1, "no notice that two-factor authentication was turned on"
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/2fa/recovery-codes/generate/")
    assert len(mailoutbox) == 2, "no notice of new recovery codes"
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/2fa/totp/deactivate/")
    assert len(mailoutbox) == 3, "no notice that the authenticator app was turned off"
    for message in mailoutbox:
        assert_in_the_portals_voice(message)
