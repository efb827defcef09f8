"""Issue 14, item 2: /admin/login/ skipped two-factor authentication, e-mail verification and the
login rate limit. allauth's login is now the only login, and campaign staff and superusers must
have a second factor before any admin page."""

import io
import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.management import call_command

from portal.management.commands.load_demo_content import DEMO_TOTP_SECRET
from tests.employers.factories import VerifiedUserFactory, owner_of
from tests.portal.factories import totp_code, with_totp

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
SESSION_KEY = "_auth_user_id"


def staff(email="moderator@example.org", group="Campaign moderators", **fields):
    user = VerifiedUserFactory(email=email, **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def admin_login(client, email, password=PASSWORD):
    """What the outside test posted to Wagtail's own login form."""
    return client.post("/admin/login/", {"username": email, "password": password, "next": "/admin/"})


def allauth_login(client, email, password=PASSWORD):
    return client.post("/accounts/login/", {"login": email, "password": password})


def test_wagtails_login_with_the_right_password_gives_no_session_even_with_totp_on(client, home):
    owner, _employer = owner_of(email="owner@example.org")
    with_totp(owner)
    response = admin_login(client, "owner@example.org")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert SESSION_KEY not in client.session
    assert client.get("/employer/")["Location"].startswith("/accounts/login/")


def test_wagtails_login_page_sends_everyone_to_allauths(client, home):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2Fpages%2F"
    assert client.get("/admin/")["Location"].startswith("/accounts/login/")


def test_wagtails_password_reset_is_allauths(client, home):
    for url in ("/admin/password_reset/", "/admin/password_reset/done/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/accounts/password/reset/"


def test_an_unconfirmed_sign_up_gets_no_session_through_the_admin(client, home):
    client.post(
        "/accounts/signup/", {"email": "new@example.org", "password1": PASSWORD, "password2": PASSWORD}
    )
    client.logout()
    assert not EmailAddress.objects.get(email="new@example.org").verified
    admin_login(client, "new@example.org")
    assert SESSION_KEY not in client.session
    allauth_login(client, "new@example.org")
    assert SESSION_KEY not in client.session


def test_the_login_rate_limit_applies(client, home):
    staff()
    for _ in range(20):
        admin_login(client, "moderator@example.org", "wrong password")
        allauth_login(client, "moderator@example.org", "wrong password")
    response = allauth_login(client, "moderator@example.org")
    assert SESSION_KEY not in client.session
    assert "Too many failed login attempts" in response.content.decode()
    admin_login(client, "moderator@example.org")
    assert SESSION_KEY not in client.session


@pytest.mark.parametrize(
    "fields",
    [{"group": "Campaign moderators"}, {"group": "Campaign editors"}, {"group": None, "is_superuser": True}],
    ids=["moderator", "editor", "superuser"],
)
def test_staff_without_two_factor_are_walked_to_set_it_up(client, home, fields):
    staff(**fields)
    allauth_login(client, "moderator@example.org")
    assert SESSION_KEY in client.session
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/?next=%2Fadmin%2Fpages%2F"
    assert client.get("/admin/")["Location"].startswith("/accounts/2fa/totp/activate/")
    # allauth asks for the password once more before a second factor is added, then shows the set-up.
    setup = client.get(response["Location"], follow=True)
    assert setup.redirect_chain[-1][0].startswith("/accounts/reauthenticate/")
    setup = client.post(setup.redirect_chain[-1][0], {"password": PASSWORD}, follow=True)
    assert setup.request["PATH_INFO"] == "/accounts/2fa/totp/activate/"
    assert setup.status_code == 200 and 'name="code"' in setup.content.decode()
    # Having set it up, they are let in.
    with_totp(EmailAddress.objects.get(email="moderator@example.org").user)
    assert client.get("/admin/").status_code == 200


def test_employers_are_not_asked_for_a_second_factor_outside_the_admin(client, home):
    owner, _employer = owner_of(email="owner@example.org")
    allauth_login(client, "owner@example.org")
    assert client.get("/employer/").status_code == 200


def test_staff_with_two_factor_pass_after_the_code(client, home):
    with_totp(staff())
    response = allauth_login(client, "moderator@example.org")
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert SESSION_KEY not in client.session  # the password alone opens nothing
    assert client.get("/admin/")["Location"].startswith("/accounts/login/")
    wrong = client.post(
        "/accounts/2fa/authenticate/", {"code": "000000" if totp_code() != "000000" else "111111"}
    )
    assert wrong.status_code == 200 and SESSION_KEY not in client.session
    client.post("/accounts/2fa/authenticate/", {"code": totp_code()})
    assert SESSION_KEY in client.session
    assert client.get("/admin/").status_code == 200


def test_the_demo_staff_log_in_with_the_documented_secret(client, home):
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    printed = out.getvalue()
    assert DEMO_TOTP_SECRET in printed
    allauth_login(client, "moderator@example.org", "second-chance-demo")
    client.post("/accounts/2fa/authenticate/", {"code": totp_code(DEMO_TOTP_SECRET)})
    assert client.get("/admin/").status_code == 200
    client.logout()
    allauth_login(client, "editor@example.org", "second-chance-demo")
    assert SESSION_KEY not in client.session
    code = re.search(r"recovery codes of editor@example\.org \(each works once\): (\w+)", printed).group(1)
    client.post("/accounts/2fa/authenticate/", {"code": code})
    assert client.get("/admin/").status_code == 200
