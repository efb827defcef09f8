"""A graduate erased on request by their provider's coordinator: the person is gone, the reference,
the outcome counts and the audit trail stay, and the employer who met them sees "withdrawn"."""

import datetime

import pytest
from django.urls import reverse

from matching import scoring as matching
from matching.models import Hire, Introduction
from partners.models import Graduate, GraduatePersonalData, MatchingConsent, PersonalDataAccess
from tests.employers.factories import JobListingFactory, SkillFactory, owner_of
from tests.partners.factories import (
    CoordinatorFactory,
    GraduateFactory,
    ProgrammeFactory,
    ProviderStaffFactory,
    personal_markers,
)

RELEASED = "Call Sam's programme office on 0161 496 0999"


@pytest.fixture
def world(home):
    coordinator = CoordinatorFactory(user__email="coordinator@fresh.example.org")
    provider = coordinator.provider
    brick = SkillFactory(name="Bricklaying", area="construction")
    programme = ProgrammeFactory(provider=provider, skills=[brick])
    graduate = GraduateFactory(provider=provider, programmes=[programme])
    owner, employer = owner_of(email="owner@bricks.example.org")
    job = JobListingFactory(employer=employer, title="Trainee bricklayer", sector="F", skills=[brick])
    other_job = JobListingFactory(employer=employer, title="Labourer", sector="F", skills=[brick])
    accepted = Introduction.objects.create(job=job, graduate=graduate, requested_by=owner, message="Meet?")
    accepted.accept(coordinator.user, RELEASED)
    waiting = Introduction.objects.create(job=other_job, graduate=graduate, requested_by=owner, message="Hi")
    Hire.objects.create(graduate=graduate, job=job, employer=employer, start_date=datetime.date(2026, 1, 5))
    return {
        "coordinator": coordinator.user,
        "case_worker": ProviderStaffFactory(provider=provider).user,
        "other_coordinator": CoordinatorFactory().user,
        "graduate": graduate,
        "markers": personal_markers(graduate) + [RELEASED],
        "owner": owner,
        "job": job,
        "other_job": other_job,
        "accepted": accepted,
        "waiting": waiting,
    }


def erase_url(graduate):
    return reverse("partners:graduate_erase", args=[graduate.reference])


def test_the_coordinator_erases_a_graduate_and_only_the_person_goes(client, world):
    graduate = world["graduate"]
    client.force_login(world["coordinator"])
    assert client.get(f"/partner/graduates/{graduate.reference}/").status_code == 200  # an audited view
    confirmation = client.get(erase_url(graduate))
    assert confirmation.status_code == 200
    assert "cannot be undone" in confirmation.content.decode()

    response = client.post(erase_url(graduate), {"reference": graduate.reference.lower()}, follow=True)

    assert response.status_code == 200
    page = response.content.decode()
    assert "erased" in page and "coordinator@fresh.example.org" in page
    for marker in world["markers"]:
        assert marker not in page
    graduate = Graduate.objects.get(pk=graduate.pk)
    assert graduate.reference == world["graduate"].reference
    assert not GraduatePersonalData.objects.filter(graduate=graduate).exists()
    assert not MatchingConsent.objects.filter(graduate=graduate).exists()
    assert graduate.personal_statement == "" and not graduate.extra_skills.exists()
    assert graduate.completions.count() == 1  # programme outcome counts
    assert Hire.objects.filter(graduate=graduate).count() == 1  # hire and retention counts
    for introduction in Introduction.objects.filter(graduate=graduate):
        assert introduction.message == "" and introduction.released_contact == ""
    assert Introduction.objects.get(pk=world["accepted"].pk).status == Introduction.Status.ACCEPTED
    assert Introduction.objects.get(pk=world["waiting"].pk).status == Introduction.Status.WITHDRAWN
    # The audit trail stays, and says who erased the record.
    audit = PersonalDataAccess.objects.filter(graduate=graduate)
    assert audit.filter(action=PersonalDataAccess.Action.VIEW).exists()
    erasure = audit.get(action=PersonalDataAccess.Action.ERASE)
    assert erasure.user == world["coordinator"]
    # Out of matching at once.
    assert graduate not in [m.graduate for m in matching.graduates_for_job(world["job"])]
    # Nothing can bring the person back through the other forms.
    assert client.get(f"/partner/graduates/{graduate.reference}/edit/").status_code == 404


def test_the_employer_sees_the_introductions_withdrawn_without_the_contact(client, world):
    client.force_login(world["coordinator"])
    client.post(erase_url(world["graduate"]), {"reference": world["graduate"].reference})
    client.force_login(world["owner"])
    for job in (world["job"], world["other_job"]):
        page = client.get(f"/employer/jobs/{job.pk}/matches/").content.decode()
        assert 'data-flag="withdrawn-introductions"' in page
        assert world["graduate"].reference in page
        for marker in world["markers"]:
            assert marker not in page


def test_a_wrong_confirmation_erases_nothing_and_says_why(client, world):
    graduate = world["graduate"]
    client.force_login(world["coordinator"])
    response = client.post(erase_url(graduate), {"reference": "G-XXXX-XXXX"})
    assert response.status_code == 400
    assert f"Type {graduate.reference} exactly" in response.content.decode()
    assert GraduatePersonalData.objects.filter(graduate=graduate).exists()
    assert not PersonalDataAccess.objects.filter(action=PersonalDataAccess.Action.ERASE).exists()


@pytest.mark.parametrize(("who", "status"), [("case_worker", 403), ("other_coordinator", 404)])
def test_only_the_provider_s_coordinator_may_erase(client, world, who, status):
    graduate = world["graduate"]
    client.force_login(world[who])
    assert client.get(erase_url(graduate)).status_code == status
    assert client.post(erase_url(graduate), {"reference": graduate.reference}).status_code == status
    assert GraduatePersonalData.objects.filter(graduate=graduate).exists()
    assert MatchingConsent.objects.filter(graduate=graduate).exists()
