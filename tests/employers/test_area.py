"""The employer area: registering, members and invitations, and the permission gate."""

import re

import pytest
import time_machine
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.utils import timezone

from employers.models import Employer, Invitation, Membership
from jobs.models import JobListing
from tests.portal.factories import UserFactory


def verified_user(email=None):
    user = UserFactory(**({"email": email} if email else {}))
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def employer_with(owner, name="Fair Foods Ltd", status=Employer.Status.VERIFIED, **extra):
    employer = Employer.objects.create(
        name=name, sector="I", size_band="10-49", head_office_region="GB-MAN", status=status, **extra
    )
    Membership.objects.create(employer=employer, user=owner, role=Membership.Role.OWNER)
    return employer


REGISTRATION = {
    "name": "Second Helping Catering",
    "registration_number": "sc 123456",
    "sector": "I",
    "size_band": "10-49",
    "head_office_region": "GB-LDS",
    "regions_of_operation": ["GB-MAN", "GB-LDS"],
    "website": "https://catering.example.org",
    "description": "We cook for events.",
    "record_check_stage": "after-offer",
}


class TestRegistration:
    def test_registering_creates_a_pending_organisation_owned_by_the_user(self, client, home):
        user = verified_user()
        client.force_login(user)
        assert "Register your organisation" in client.get("/employer/").content.decode()
        response = client.post("/employer/register/", REGISTRATION)
        assert response.status_code == 302
        employer = Employer.objects.get()
        assert employer.status == Employer.Status.PENDING
        assert employer.registration_number == "SC 123456"
        assert employer.regions_of_operation == ["GB-LDS", "GB-MAN"]
        assert employer.slug == "second-helping-catering"
        assert Membership.objects.get().role == Membership.Role.OWNER
        dashboard = client.get("/employer/").content.decode()
        assert "Waiting for verification" in dashboard
        assert "checking your organisation" in dashboard
        # nothing public until verified
        assert client.get(f"/employers/{employer.slug}/").status_code == 404

    def test_duplicate_registration_number_is_refused_next_to_the_field(self, client, home):
        employer_with(verified_user(), registration_number="SC 123456")
        client.force_login(verified_user())
        response = client.post("/employer/register/", {**REGISTRATION, "registration_number": "sc  123456"})
        assert response.status_code == 400
        soup = BeautifulSoup(response.content, "html.parser")
        assert (
            "Another organisation is registered with this number"
            in soup.select_one("#id_registration_number-error").get_text()
        )
        assert soup.select_one("#id_name")["value"] == "Second Helping Catering"
        assert Employer.objects.count() == 1

    def test_organisations_without_a_number_do_not_clash(self, client, home):
        employer_with(verified_user(), name="One")
        client.force_login(verified_user())
        response = client.post("/employer/register/", {**REGISTRATION, "registration_number": ""})
        assert response.status_code == 302
        assert Employer.objects.count() == 2

    @pytest.mark.parametrize(
        "field, value, message",
        [
            ("name", "", "This field is required"),
            ("head_office_region", "XX-1", "Select a valid choice"),
            ("website", "not a url", "Enter a valid URL"),
            ("sector", "Z", "Select a valid choice"),
        ],
    )
    def test_bad_input_is_explained(self, client, home, field, value, message):
        client.force_login(verified_user())
        response = client.post("/employer/register/", {**REGISTRATION, field: value})
        assert response.status_code == 400
        error = BeautifulSoup(response.content, "html.parser").select_one(f"#id_{field}-error")
        assert message in error.get_text()

    def test_owner_is_prompted_to_turn_on_mfa(self, client, home):
        owner = verified_user()
        employer_with(owner)
        client.force_login(owner)
        assert "Turn on two-factor authentication" in client.get("/employer/").content.decode()


class TestMembers:
    def test_owner_invites_and_the_invitee_joins(self, client, home, mailoutbox):
        owner = verified_user("owner@example.org")
        employer = employer_with(owner)
        client.force_login(owner)
        response = client.post(
            "/employer/members/invite/", {"email": "Recruit@Example.org", "role": "recruiter"}
        )
        assert response.status_code == 302
        assert mailoutbox[0].to == ["recruit@example.org"]
        link = re.search(
            r"http://testserver(/employer/invitations/accept/[^\s]+/)", mailoutbox[0].body
        ).group(1)

        recruit = verified_user("recruit@example.org")
        client.force_login(recruit)
        assert "Accept the invitation" in client.get(link).content.decode()
        assert client.post(link).status_code == 302
        assert Membership.objects.get(user=recruit).role == "recruiter"
        assert employer.name in client.get("/employer/").content.decode()

        # the link works once
        again = client.post(link)
        assert again.status_code == 410
        assert "already been used" in again.content.decode()

    def test_expired_invitation(self, client, home):
        owner = verified_user()
        employer = employer_with(owner)
        invitation = Invitation.objects.create(employer=employer, email="late@example.org", invited_by=owner)
        token = invitation.token()
        client.force_login(verified_user("late@example.org"))
        with time_machine.travel(timezone.now() + timezone.timedelta(days=7, minutes=1)):
            response = client.get(f"/employer/invitations/accept/{token}/")
        assert response.status_code == 410
        assert "expired" in response.content.decode()
        assert not Membership.objects.filter(user__email="late@example.org").exists()

    def test_invitation_for_someone_else_is_refused(self, client, home):
        employer = employer_with(verified_user())
        invitation = Invitation.objects.create(employer=employer, email="intended@example.org")
        client.force_login(verified_user("intruder@example.org"))
        response = client.post(f"/employer/invitations/accept/{invitation.token()}/")
        assert response.status_code == 403
        assert "for another e-mail address" in response.content.decode()
        assert employer.memberships.count() == 1

    def test_already_a_member(self, client, home):
        owner = verified_user("both@example.org")
        employer = employer_with(owner)
        invitation = Invitation.objects.create(employer=employer, email="both@example.org")
        client.force_login(owner)
        response = client.get(f"/employer/invitations/accept/{invitation.token()}/")
        assert "already a member" in response.content.decode()

    def test_inviting_an_existing_member_is_explained(self, client, home):
        owner = verified_user("owner@example.org")
        employer_with(owner)
        client.force_login(owner)
        response = client.post(
            "/employer/members/invite/", {"email": "owner@example.org", "role": "recruiter"}
        )
        assert response.status_code == 400
        assert "already a member" in response.content.decode()

    def test_tampered_invitation_link(self, client, home):
        client.force_login(verified_user())
        assert client.get("/employer/invitations/accept/nonsense/").status_code == 404

    def test_last_owner_cannot_leave_but_can_hand_over(self, client, home):
        owner = verified_user()
        employer = employer_with(owner)
        recruiter = Membership.objects.create(employer=employer, user=verified_user(), role="recruiter")
        client.force_login(owner)
        client.post("/employer/members/leave/")
        assert employer.memberships.filter(user=owner).exists()
        client.post(f"/employer/members/{recruiter.pk}/make-owner/", {"step_down": "1"})
        recruiter.refresh_from_db()
        assert recruiter.role == "owner"
        assert employer.memberships.get(user=owner).role == "recruiter"
        client.post("/employer/members/leave/")
        assert not employer.memberships.filter(user=owner).exists()

    def test_owner_removes_a_member(self, client, home):
        owner = verified_user()
        employer = employer_with(owner)
        recruiter = Membership.objects.create(employer=employer, user=verified_user(), role="recruiter")
        client.force_login(owner)
        client.post(f"/employer/members/{recruiter.pk}/remove/")
        assert not Membership.objects.filter(pk=recruiter.pk).exists()

    def test_user_in_two_organisations_chooses_which_to_act_for(self, client, home):
        user = verified_user()
        first = employer_with(user, name="Alpha Cafe")
        second = employer_with(user, name="Beta Builders")
        client.force_login(user)
        assert "<h1>Alpha Cafe</h1>" in client.get("/employer/").content.decode()
        client.post("/employer/switch/", {"employer": second.pk})
        assert "<h1>Beta Builders</h1>" in client.get("/employer/").content.decode()
        client.post("/employer/switch/", {"employer": 999999})
        assert "<h1>Beta Builders</h1>" in client.get("/employer/").content.decode()
        assert first.pk != second.pk


SECRET = "Hidden Harbour Logistics"


@pytest.fixture
def world(db, home):
    owner = verified_user("owner@example.org")
    employer = employer_with(owner, name=SECRET)
    recruiter_user = verified_user("recruiter@example.org")
    recruiter = Membership.objects.create(employer=employer, user=recruiter_user, role="recruiter")
    invitation = Invitation.objects.create(employer=employer, email="next@example.org", invited_by=owner)
    outsider = verified_user("outsider@example.org")
    employer_with(outsider, name="Other Org")
    unverified = UserFactory(email="unverified@example.org")
    EmailAddress.objects.create(user=unverified, email=unverified.email, verified=False, primary=True)
    job = JobListing.objects.create(
        employer=employer,
        title="Secret job",
        description="<p>x</p>",
        sector="H",
        region="GB-MAN",
        employment_type="full-time",
    )
    staff = verified_user("staff@example.org")
    staff.is_superuser = staff.is_staff = True
    staff.save()
    return {
        "people": {
            "anonymous": None,
            "unverified user": unverified,
            "member of another organisation": outsider,
            "recruiter": recruiter_user,
            "owner": owner,
            "staff": staff,
        },
        "recruiter_membership": recruiter,
        "invitation": invitation,
        "job": job,
    }


def employer_urls(world):
    membership, invitation, job = world["recruiter_membership"], world["invitation"], world["job"]
    return [
        ("get", "/employer/jobs/", "any"),
        ("get", "/employer/jobs/new/", "any"),
        ("get", f"/employer/jobs/{job.pk}/", "any"),
        ("get", f"/employer/jobs/{job.pk}/edit/", "any"),
        ("get", f"/employer/jobs/{job.pk}/preview/", "any"),
        ("post", f"/employer/jobs/{job.pk}/submit/", "any"),
        ("post", f"/employer/jobs/{job.pk}/renew/", "any"),
        ("post", f"/employer/jobs/{job.pk}/close/", "any"),
        ("get", "/employer/", "any"),
        ("get", "/employer/organisation/", "owner"),
        ("post", "/employer/organisation/", "owner"),
        ("get", "/employer/members/", "any"),
        ("post", "/employer/members/invite/", "owner"),
        ("get", "/employer/pledge/", "any"),
        ("get", "/employer/pledge/sign/", "owner"),
        ("post", "/employer/pledge/withdraw/", "owner"),
        ("get", "/employer/pledge/progress/", "owner"),
        # changes last: each may end the person's membership
        ("post", f"/employer/members/{membership.pk}/make-owner/", "owner"),
        ("post", f"/employer/members/{membership.pk}/remove/", "owner"),
        ("post", f"/employer/invitations/{invitation.pk}/cancel/", "owner"),
        ("post", "/employer/members/leave/", "any"),
    ]


PERSONAS = ["anonymous", "unverified user", "member of another organisation", "recruiter", "owner", "staff"]


@pytest.mark.parametrize("persona", PERSONAS)
def test_permission_matrix_of_every_employer_url(client, world, persona):
    user = world["people"][persona]
    if user is not None:
        client.force_login(user)
    checked = 0
    for method, url, who in employer_urls(world):
        response = getattr(client, method)(url, {})
        body = response.content.decode() if response.status_code == 200 else ""
        if persona == "anonymous":
            assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
        elif persona == "unverified user":
            assert response.status_code == 403, url
            assert SECRET not in body
        elif persona in ("member of another organisation", "staff"):
            # acting for their own organisation (or none): this one's objects are out of reach
            assert response.status_code in (200, 302, 400, 403, 404), url
            assert SECRET not in body, url
            if any(part.isdigit() for part in url.split("/")):
                assert response.status_code in (302, 404), url
        elif persona == "recruiter":
            if who == "owner":
                assert response.status_code == 403, url
            else:
                assert response.status_code in (200, 302), url
        elif persona == "owner":
            assert response.status_code in (200, 302, 400), url
        checked += 1
    assert checked == len(employer_urls(world))
    if persona not in ("owner", "recruiter"):
        # nobody outside the organisation changed anything in it
        assert Membership.objects.filter(pk=world["recruiter_membership"].pk, role="recruiter").exists()
        assert Invitation.objects.filter(pk=world["invitation"].pk).exists()
        assert JobListing.objects.get(pk=world["job"].pk).status == JobListing.Status.DRAFT
        assert JobListing.objects.filter(employer=world["job"].employer).count() == 1
