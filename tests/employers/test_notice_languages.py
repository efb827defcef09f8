"""Each member of an organisation reads the portal's notices in the language they chose: a job
approved by staff (working in English) reaches the French-speaking owner in French, with French
addresses, and the English-speaking recruiter in English, one message each."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from portal.languages import localise_path
from tests.employers.factories import EmployerFactory, OwnerFactory, PendingJobFactory, RecruiterFactory
from tests.portal.factories import UserFactory, with_totp


@pytest.fixture
def moderator(db):
    user = UserFactory(email="moderator@example.org", language="en-gb")
    user.groups.add(Group.objects.get(name="Campaign moderators"))
    return with_totp(user)


@pytest.fixture
def job(db):
    employer = EmployerFactory(name="Second Helping Catering")
    OwnerFactory(employer=employer, user__email="owner@catering.example.org", user__language="fr")
    author = RecruiterFactory(employer=employer, user__email="recruiter@catering.example.org").user
    return PendingJobFactory(
        employer=employer,
        created_by=author,
        title="Kitchen porter",
        description="<p>Keep the kitchen clean.</p>",
        fair_chance_statement="",
    )


def approve(client, moderator, job):
    client.force_login(moderator)
    response = client.post(reverse("jobs_admin:approve", args=[job.pk]), {"confirm_wording": "on"})
    assert response.status_code == 302


def message_to(mailoutbox, address):
    [message] = [message for message in mailoutbox if address in message.to]
    return message


def site_paths(body):
    return re.findall(r"https?://[^/\s]+(/\S*)", body)


def test_each_member_gets_the_approval_in_their_own_language(client, moderator, job, mailoutbox):
    approve(client, moderator, job)
    assert len(mailoutbox) == 2
    french = message_to(mailoutbox, "owner@catering.example.org")
    english = message_to(mailoutbox, "recruiter@catering.example.org")
    assert french.to == ["owner@catering.example.org"]
    assert english.to == ["recruiter@catering.example.org"]

    assert french.extra_headers["Content-Language"] == "fr"
    assert english.extra_headers["Content-Language"] == "en-gb"
    job.refresh_from_db()
    french_board = localise_path(job.get_absolute_url(), "fr")
    with translation.override("fr"):
        french_area = reverse("employers:job_detail", args=[job.pk])
    assert french_board.startswith("/fr/jobs/") and french_area.startswith("/fr/employer/")
    assert {french_board, french_area} <= set(site_paths(french.body))
    assert all(path.startswith("/fr/") for path in site_paths(french.body))
    assert {job.get_absolute_url(), reverse("employers:job_detail", args=[job.pk])} <= set(
        site_paths(english.body)
    )
    assert not any(path.startswith(("/fr/", "/es/", "/ar/")) for path in site_paths(english.body))
    assert "Kitchen porter" in french.subject and "“Kitchen porter” is published" in english.subject


def test_the_french_link_opens_the_page_in_french(client, moderator, job, mailoutbox):
    approve(client, moderator, job)
    board = next(path for path in site_paths(message_to(mailoutbox, "owner@catering.example.org").body))
    page = client.get(board)
    assert page.status_code == 200
    assert '<html lang="fr"' in page.content.decode()


def test_the_french_subject_is_written_in_french(client, moderator, job, mailoutbox):
    """The subject line, from the French catalogue."""
    approve(client, moderator, job)
    subject = message_to(mailoutbox, "owner@catering.example.org").subject
    assert "Kitchen porter" in subject
    assert "is published" not in subject
    assert "publiée" in subject


def test_an_invitation_follows_the_invitee_else_the_page_the_owner_worked_on(client, home, mailoutbox):
    owner = OwnerFactory(user__email="owner@example.org").user
    UserFactory(email="ya@example.org", language="es")  # has an account, chose Spanish
    client.force_login(owner)
    for address in ("new@example.org", "ya@example.org"):
        response = client.post("/fr/employer/members/invite/", {"email": address, "role": "recruiter"})
        assert response.status_code == 302
    newcomer, spanish = mailoutbox
    assert newcomer.extra_headers["Content-Language"] == "fr"
    assert re.search(r"https?://[^/\s]+/fr/employer/invitations/accept/\S+/", newcomer.body)
    assert spanish.extra_headers["Content-Language"] == "es"
    assert re.search(r"https?://[^/\s]+/es/employer/invitations/accept/\S+/", spanish.body)
