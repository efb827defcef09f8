"""Every allauth page is one of the portal's pages: the site's layout (header, skip link, footer),
headings in sentence case and the site's words ("e-mail", "log in"), in English as configured."""

import html
import re

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from tests.employers.factories import VerifiedUserFactory

PASSWORD = "correct horse battery staple"  # UserFactory's
PROPER_NOUNS = {"Second", "Chance", "Portal", "TOTP", "I", "Wagtail"}

ANONYMOUS_PAGES = [
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/accounts/password/reset/key/1-not-a-real-key/",
    "/accounts/password/reset/key/done/",
    "/accounts/confirm-email/",
    "/accounts/confirm-email/not-a-real-key/",
    "/accounts/inactive/",
]
LOGGED_IN_PAGES = [
    "/accounts/logout/",
    "/accounts/email/",
    "/accounts/password/change/",
    "/accounts/reauthenticate/",
    "/accounts/2fa/",
    "/accounts/2fa/totp/activate/",
    "/accounts/2fa/webauthn/",
    "/accounts/delete/",
]


def visible_text(body):
    main = body.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    main = re.sub(r"<(script|style)\b.*?</\1>", " ", main, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", main))


def headings(body):
    return [
        " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())
        for text in re.findall(r"<h[1-3][^>]*>(.*?)</h[1-3]>", body, flags=re.S)
    ]


def assert_a_portal_page(address, response):
    assert response.status_code == 200, address
    body = response.content.decode()
    # the site's layout: skip link, header with the main navigation, footer
    assert 'class="skip-link"' in body, address
    assert '<header class="site-header">' in body and '<footer class="site-footer">' in body, address
    found = headings(body)
    assert found and body.count("<h1") == 1, f"{address}: one h1, found {found}"
    for heading in found:
        later_words = heading.split()[1:]
        capitalised = [w for w in later_words if w[:1].isupper() and w.strip("?.:") not in PROPER_NOUNS]
        assert not capitalised, f"{address}: heading {heading!r} is not in sentence case"
    text = visible_text(body)
    for wrong in ("email", "Email", "Sign In", "Sign in", "sign in", "Sign Out"):
        assert not re.search(rf"(?<![\w-]){wrong}\b", text), (
            f"{address} says {wrong!r}:\n{' '.join(text.split())}"
        )


@pytest.mark.parametrize("address", ANONYMOUS_PAGES)
def test_allauth_pages_for_visitors_are_portal_pages(client, home, address):
    assert_a_portal_page(address, client.get(address, follow=True))


@pytest.mark.parametrize("address", LOGGED_IN_PAGES)
def test_allauth_pages_for_account_holders_are_portal_pages(client, home, address):
    user = VerifiedUserFactory()
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert_a_portal_page(address, client.get(address, follow=True))


def test_pages_after_a_failed_log_in_keep_the_site_voice(client, home):
    response = client.post("/accounts/login/", {"login": "nobody@example.org", "password": "wrong"})
    assert_a_portal_page("/accounts/login/ with errors", response)
    assert "The e-mail address and/or password you specified are not correct." in response.content.decode()


def test_the_confirm_e_mail_page_speaks_to_the_person(client, home, mailoutbox):
    client.post(
        "/accounts/signup/",
        {
            "email": "new@example.org",
            "password1": "a long passphrase 4242",
            "password2": "a long passphrase 4242",
        },
    )
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", mailoutbox[0].body).group(1)
    response = client.get(link)
    assert_a_portal_page(link, response)
    body = response.content.decode()
    assert "is your e-mail address" in body
    assert "for user" not in body


def test_the_wording_catalogue_is_compiled(settings):
    """The site's English wording of allauth's messages (locale/en) is what the portal says."""
    import polib
    from django.utils import translation

    po = polib.pofile(str(settings.BASE_DIR / "locale/en/LC_MESSAGES/django.po"))
    pairs = [(e.msgid, e.msgstr) for e in po.translated_entries() if not e.msgid_plural and not e.msgctxt]
    assert len(pairs) > 100
    assert ("Email", "E-mail address") in pairs
    with translation.override("en-gb"):
        for msgid, msgstr in pairs:
            assert translation.gettext(msgid) == msgstr, msgid


def test_two_factor_pages_during_log_in_and_after_are_portal_pages(client, home):
    user = VerifiedUserFactory()
    TOTP.activate(user, generate_totp_secret())
    RecoveryCodes.activate(user)
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert_a_portal_page("/accounts/2fa/authenticate/", client.get("/accounts/2fa/authenticate/"))
    wrong = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert_a_portal_page("/accounts/2fa/authenticate/ with an error", wrong)

    client.force_login(user)
    for address in ("/accounts/2fa/", "/accounts/2fa/recovery-codes/", "/accounts/2fa/totp/deactivate/"):
        assert_a_portal_page(address, client.get(address, follow=True))
