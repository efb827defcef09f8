"""Accounts through django-allauth: sign up, verify, log in by e-mail, MFA, deletion."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from tests.portal.factories import UserFactory

PASSWORD = "a long and unusual passphrase 42"


def signup(client, email="new.person@example.org", password=PASSWORD):
    return client.post("/accounts/signup/", {"email": email, "password1": password, "password2": password})


def verified_user(email="owner@example.org"):
    user = UserFactory(email=email)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


class TestSignupAndVerification:
    def test_signup_sends_a_link_that_verifies_and_logs_in(self, client, home, mailoutbox):
        response = signup(client)
        assert response.status_code == 302
        assert response["Location"] == "/accounts/confirm-email/"
        user = get_user_model().objects.get(email="new.person@example.org")
        assert not EmailAddress.objects.get(user=user).verified

        assert len(mailoutbox) == 1
        link = re.search(r"https?://testserver(/accounts/confirm-email/[^\s]+/)", mailoutbox[0].body).group(1)
        page = client.get(link)
        assert page.status_code == 200
        assert "Confirm" in page.content.decode()
        confirmed = client.post(link)
        assert confirmed.status_code == 302
        assert EmailAddress.objects.get(user=user).verified

        # logged in straight after confirming, and the employer area opens
        assert client.get("/employer/").status_code == 200

    def test_login_is_by_email_and_needs_a_verified_address(self, client, home, mailoutbox):
        signup(client, email="unverified@example.org")
        client.logout()
        mailoutbox.clear()
        response = client.post("/accounts/login/", {"login": "unverified@example.org", "password": PASSWORD})
        assert response.status_code == 302
        assert response["Location"] == "/accounts/confirm-email/"
        assert mailoutbox == []  # the link sent at sign-up is still fresh: no flood of e-mails

        verified_user("verified@example.org").set_password(PASSWORD)
        user = get_user_model().objects.get(email="verified@example.org")
        user.set_password(PASSWORD)
        user.save()
        response = client.post("/accounts/login/", {"login": "VERIFIED@example.org", "password": PASSWORD})
        assert response.status_code == 302
        assert response["Location"] == "/employer/"

    def test_signup_form_errors_are_shown_next_to_fields_and_input_kept(self, client, home):
        response = client.post(
            "/accounts/signup/", {"email": "someone@example.org", "password1": "short", "password2": "other"}
        )
        assert response.status_code == 200
        body = response.content.decode()
        assert 'id="id_password1-error"' in body or 'id="id_password2-error"' in body
        assert 'value="someone@example.org"' in body
        assert not get_user_model().objects.filter(email="someone@example.org").exists()

    def test_no_usernames_anywhere(self, client, home):
        body = client.get("/accounts/signup/").content.decode()
        assert 'name="username"' not in body
        assert "username" not in [field.name for field in get_user_model()._meta.fields]

    def test_account_pages_use_the_site_layout(self, client, home):
        body = client.get("/accounts/login/").content.decode()
        assert 'class="skip-link"' in body
        assert "/static/portal/css/site.css" in body


class TestRateLimits:
    def test_repeated_failed_logins_are_refused(self, client, home):
        user = verified_user("target@example.org")
        user.set_password(PASSWORD)
        user.save()
        for _ in range(5):
            client.post("/accounts/login/", {"login": "target@example.org", "password": "wrong"})
        response = client.post("/accounts/login/", {"login": "target@example.org", "password": PASSWORD})
        assert response.status_code == 429 or "Too many failed login attempts" in response.content.decode()
        assert "_auth_user_id" not in client.session


class TestMFA:
    def test_totp_setup_page_is_offered(self, client, home):
        user = verified_user()
        client.force_login(user)
        assert client.get("/accounts/2fa/").status_code == 200
        response = client.get("/accounts/2fa/totp/activate/")
        assert response.status_code in (200, 302)


class TestDeleteAccount:
    def test_a_user_without_organisations_can_delete_their_account(self, client, home):
        user = verified_user("leaver@example.org")
        user.set_password(PASSWORD)
        user.save()
        client.force_login(user)
        assert client.get("/accounts/delete/").status_code == 200
        wrong = client.post("/accounts/delete/", {"password": "nope", "confirm": "on"})
        assert wrong.status_code == 400
        assert "That is not your password" in wrong.content.decode()
        assert get_user_model().objects.filter(pk=user.pk).exists()
        response = client.post("/accounts/delete/", {"password": PASSWORD, "confirm": "on"})
        assert response.status_code == 302
        assert not get_user_model().objects.filter(pk=user.pk).exists()

    @pytest.mark.parametrize("with_other_member", [True, False])
    def test_the_last_owner_is_refused_with_a_reason(self, client, home, with_other_member):
        from employers.models import Employer, Membership

        user = verified_user("owner@example.org")
        user.set_password(PASSWORD)
        user.save()
        employer = Employer.objects.create(
            name="Acme Bakery", sector="C", size_band="10-49", head_office_region="GB-MAN"
        )
        Membership.objects.create(employer=employer, user=user, role="owner")
        if with_other_member:
            Membership.objects.create(employer=employer, user=UserFactory(), role="recruiter")
        client.force_login(user)
        page = client.get("/accounts/delete/").content.decode()
        assert "cannot be deleted yet" in page
        assert "Acme Bakery" in page
        expected = "Hand over ownership" if with_other_member else "only member of Acme Bakery"
        assert expected in page
        response = client.post("/accounts/delete/", {"password": PASSWORD, "confirm": "on"})
        assert response.status_code == 400
        assert get_user_model().objects.filter(pk=user.pk).exists()

    def test_an_owner_with_a_fellow_owner_may_go_and_ownership_stays(self, client, home):
        from employers.models import Employer, Membership

        user = verified_user("owner@example.org")
        user.set_password(PASSWORD)
        user.save()
        employer = Employer.objects.create(
            name="Acme", sector="C", size_band="10-49", head_office_region="GB-MAN"
        )
        Membership.objects.create(employer=employer, user=user, role="owner")
        other = Membership.objects.create(employer=employer, user=UserFactory(), role="owner")
        client.force_login(user)
        client.post("/accounts/delete/", {"password": PASSWORD, "confirm": "on"})
        assert not get_user_model().objects.filter(pk=user.pk).exists()
        assert list(employer.owners()) == [other]
