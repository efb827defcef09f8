"""A verified organisation's new name and description go back to campaign staff: the old ones stay
public until a moderator approves them in the Wagtail admin; the owner sees "pending review"."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from employers.models import Employer
from tests.employers.factories import EmployerFactory, HiringPledgeFactory, PendingEmployerFactory, owner_of
from tests.portal.factories import UserFactory, with_totp

OLD_NAME, NEW_NAME = "Northern Bricks & Mortar", "Totally Different Holdings"
OLD_TEXT, NEW_TEXT = "We build homes in Manchester.", "Visit our partner casino for bonuses."


def details(employer, **changes):
    data = {
        "name": employer.name,
        "registration_number": employer.registration_number,
        "sector": employer.sector,
        "size_band": employer.size_band,
        "head_office_region": employer.head_office_region,
        "regions_of_operation": employer.regions_of_operation,
        "website": employer.website,
        "description": employer.description,
        "record_check_stage": employer.record_check_stage,
    }
    return {**data, **changes}


@pytest.fixture
def verified(home):
    employer = EmployerFactory(name=OLD_NAME, description=OLD_TEXT)
    HiringPledgeFactory(employer=employer)  # on the pledge wall
    owner, _ = owner_of(employer, email="owner@bricks.example.org")
    return employer, owner


@pytest.fixture
def moderator(db):
    user = UserFactory(email="moderator@example.org")
    user.groups.add(Group.objects.get(name="Campaign moderators"))
    return with_totp(user)  # the admin asks staff for a second factor


def rename(client, employer, owner):
    client.force_login(owner)
    return client.post(
        "/employer/organisation/", details(employer, name=NEW_NAME, description=NEW_TEXT), follow=True
    )


def public_pages(client, employer):
    client.logout()
    return "".join(client.get(url).content.decode() for url in (employer.get_absolute_url(), "/pledge-wall/"))


def test_a_verified_organisation_s_new_name_waits_for_staff_and_the_old_one_stays_public(client, verified):
    employer, owner = verified
    response = rename(client, employer, owner)
    assert response.status_code == 200
    page = response.content.decode()
    assert "waiting for review" in page and 'data-flag="details-pending-review"' in page
    assert NEW_NAME in page  # the form keeps what the owner proposed

    employer.refresh_from_db()
    assert (employer.name, employer.description) == (OLD_NAME, OLD_TEXT)
    assert (employer.proposed_name, employer.proposed_description) == (NEW_NAME, NEW_TEXT)
    public = public_pages(client, employer)
    assert "Northern Bricks &amp; Mortar" in public and OLD_TEXT in public
    assert NEW_NAME not in public and NEW_TEXT not in public


def test_other_details_of_a_verified_organisation_change_at_once(client, verified):
    employer, owner = verified
    client.force_login(owner)
    client.post("/employer/organisation/", details(employer, website="https://bricks.example.org/"))
    employer.refresh_from_db()
    assert employer.website == "https://bricks.example.org/"
    assert not employer.has_pending_details


def test_a_pending_organisation_edits_its_name_directly(client, home):
    owner, employer = owner_of(PendingEmployerFactory(name="Draft Name Ltd"), email="new@example.org")
    client.force_login(owner)
    client.post("/employer/organisation/", details(employer, name="Final Name Ltd"))
    employer.refresh_from_db()
    assert employer.name == "Final Name Ltd" and not employer.has_pending_details


def test_the_moderator_sees_the_proposal_and_approves_it(client, verified, moderator):
    employer, owner = verified
    rename(client, employer, owner)
    client.force_login(moderator)
    inspect = client.get(reverse("employers_admin:inspect", args=[employer.pk])).content.decode()
    assert 'data-proposed="name"' in inspect and NEW_NAME in inspect and "owner@bricks.example.org" in inspect

    response = client.post(reverse("employers_admin:approve_details", args=[employer.pk]))
    assert response.status_code == 302
    employer.refresh_from_db()
    assert (employer.name, employer.description) == (NEW_NAME, NEW_TEXT)
    assert not employer.has_pending_details
    public = public_pages(client, employer)
    assert NEW_NAME in public and NEW_TEXT in public


def test_the_moderator_rejects_the_proposal_and_the_old_name_stays(client, verified, moderator):
    employer, owner = verified
    rename(client, employer, owner)
    client.force_login(moderator)
    response = client.post(reverse("employers_admin:reject_details", args=[employer.pk]))
    assert response.status_code == 302
    employer = Employer.objects.get(pk=employer.pk)
    assert (employer.name, employer.description, employer.has_pending_details) == (OLD_NAME, OLD_TEXT, False)
    client.force_login(owner)
    assert 'data-flag="details-pending-review"' not in client.get("/employer/organisation/").content.decode()


def test_an_owner_cannot_approve_their_own_proposal(client, verified):
    employer, owner = verified
    rename(client, employer, owner)
    client.post(reverse("employers_admin:approve_details", args=[employer.pk]))
    employer.refresh_from_db()
    assert employer.name == OLD_NAME and employer.has_pending_details
