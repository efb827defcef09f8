"""Where each kind of person lands after logging in at /accounts/login/, and what the header
offers them: the partner area for programme staff, the employer area for members of an
organisation, the Wagtail admin for campaign staff, every area they belong to in the header."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from portal.management.commands.load_demo_content import DEMO_TOTP_SECRET
from tests.employers.factories import OwnerFactory, RecruiterFactory, VerifiedUserFactory
from tests.partners.factories import CoordinatorFactory, ProviderStaffFactory
from tests.portal.factories import TEST_TOTP_SECRET, totp_code, with_totp

PASSWORD = "correct horse battery staple"  # UserFactory's


def campaign_staff(group_name="Campaign editors", **kwargs):
    user = VerifiedUserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    return with_totp(user)  # the admin asks staff for a second factor


def log_in(client, user_or_email, next_url=None, password=PASSWORD, totp_secret=TEST_TOTP_SECRET):
    """Log in as a person does, giving the two-factor code when asked; where it then sends them."""
    email = getattr(user_or_email, "email", user_or_email)
    address = "/accounts/login/" + (f"?next={next_url}" if next_url else "")
    response = client.post(address, {"login": email, "password": password})
    assert response.status_code == 302, response.content.decode()[:2000]
    if response["Location"].startswith("/accounts/2fa/authenticate/"):
        response = client.post(response["Location"], {"code": totp_code(totp_secret)})
        assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


def header_links(client):
    body = client.get("/stories/").content.decode()
    header = body.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]
    return re.findall(r'<a href="([^"]+)"', header)


@pytest.mark.parametrize(
    ("make_person", "landing"),
    [
        (lambda: CoordinatorFactory().user, "/partner/"),
        (lambda: ProviderStaffFactory().user, "/partner/"),
        (lambda: OwnerFactory().user, "/employer/"),
        (lambda: RecruiterFactory().user, "/employer/"),
        (lambda: campaign_staff("Campaign editors"), "/admin/"),
        (lambda: campaign_staff("Campaign moderators"), "/admin/"),
        (lambda: with_totp(VerifiedUserFactory(is_superuser=True, is_staff=True)), "/admin/"),
        (lambda: VerifiedUserFactory(), "/employer/"),  # no organisation yet: registers one there
    ],
    ids=["coordinator", "case worker", "owner", "recruiter", "editor", "moderator", "superuser", "newcomer"],
)
def test_each_role_lands_in_its_own_area(client, home, make_person, landing):
    assert log_in(client, make_person()) == landing
    assert client.get(landing).status_code == 200


def test_someone_in_several_areas_lands_in_the_partner_area_then_the_employer_area(client, home):
    staff = CoordinatorFactory().user
    OwnerFactory(user=staff)
    staff.groups.add(Group.objects.get(name="Campaign editors"))
    assert log_in(client, staff) == "/partner/"

    member = OwnerFactory(user=campaign_staff()).user
    client.logout()
    assert log_in(client, member) == "/employer/"


def test_a_safe_next_still_wins(client, home):
    partner = CoordinatorFactory().user
    assert log_in(client, partner, next_url="/jobs/") == "/jobs/"


def test_an_unsafe_next_is_ignored_for_the_role_landing(client, home):
    partner = CoordinatorFactory().user
    assert log_in(client, partner, next_url="https://evil.example.com/") == "/partner/"


@pytest.mark.parametrize(
    ("make_person", "areas"),
    [
        (lambda: CoordinatorFactory().user, ["/partner/"]),
        (lambda: OwnerFactory().user, ["/employer/"]),
        (lambda: campaign_staff(), ["/admin/"]),
        (
            lambda: (
                OwnerFactory(user=campaign_staff(email="all@example.org"), employer__name="Both Ltd").user
            ),
            ["/employer/", "/admin/"],
        ),
    ],
    ids=["programme staff", "employer", "campaign staff", "employer and campaign staff"],
)
def test_the_header_links_to_every_area_the_person_belongs_to_and_to_log_out(
    client, home, make_person, areas
):
    client.force_login(make_person())
    links = header_links(client)
    assert [link for link in links if link in {"/partner/", "/employer/", "/admin/"}] == areas
    assert "/accounts/logout/" in links
    assert "/accounts/login/" not in links


def test_partner_and_employer_in_one_person_sees_both_areas(client, home):
    person = CoordinatorFactory().user
    OwnerFactory(user=person)
    client.force_login(person)
    links = header_links(client)
    assert links.index("/partner/") < links.index("/employer/")
    assert "/admin/" not in links


def test_visitors_are_offered_to_log_in_and_see_no_area(client, home):
    links = header_links(client)
    assert "/accounts/login/" in links
    assert not {"/partner/", "/employer/", "/admin/", "/accounts/logout/"} & set(links)


# The README's demo-login table: every demo account logs in at /accounts/login/ and lands here.
DEMO_LANDINGS = {
    "admin@example.org": "/admin/",
    "editor@example.org": "/admin/",
    "moderator@example.org": "/admin/",
    "employer@example.org": "/employer/",
    "recruiter@example.org": "/employer/",
    "partner@example.org": "/partner/",
    "caseworker@example.org": "/partner/",
    "volunteer@example.org": "/volunteer/area/",
}


def test_every_demo_account_lands_where_the_readme_says(client, home, capsys):
    call_command("load_demo_content")
    output = capsys.readouterr().out
    for email, landing in DEMO_LANDINGS.items():
        assert re.search(rf"{re.escape(email)}\s+{landing}\s", output), email
        client.logout()
        where = log_in(client, email, password="second-chance-demo", totp_secret=DEMO_TOTP_SECRET)
        assert where == landing, email
        assert client.get(landing).status_code == 200, email
