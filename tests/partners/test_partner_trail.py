"""A provider's coordinator sees, on a graduate's page, who saw or changed the personal data and
when: their own staff, and employers after an introduction released contact details. Case workers
do not; another provider gets a 404."""

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from matching.models import Introduction
from partners.models import PersonalDataAccess
from tests.employers.factories import JobListingFactory, OwnerFactory
from tests.partners.factories import (
    CoordinatorFactory,
    GraduateFactory,
    ProgrammeFactory,
    ProviderStaffFactory,
)


@pytest.fixture
def coordinator(home):
    return CoordinatorFactory(user__first_name="Cora", user__last_name="Ordinator")


@pytest.fixture
def case_worker(coordinator):
    return ProviderStaffFactory(
        provider=coordinator.provider, user__first_name="Casey", user__last_name="Worker"
    )


@pytest.fixture
def graduate(coordinator):
    provider = coordinator.provider
    return GraduateFactory(provider=provider, programmes=[ProgrammeFactory(provider=provider)])


def trail_rows(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        [cell.get_text(strip=True) for cell in row.select("td")]
        for row in soup.select("[data-section=trail] table.trail tbody tr, table.trail tbody tr")
    ]


def test_the_coordinator_sees_staff_and_employer_accesses(client, coordinator, case_worker, graduate):
    # A case worker opens the record and edits nothing; an employer sees the released contact.
    client.force_login(case_worker.user)
    client.get(f"/partner/graduates/{graduate.reference}/")
    owner = OwnerFactory(employer__name="Northern Bricks", user__first_name="Olive", user__last_name="Owner")
    job = JobListingFactory(employer=owner.employer)
    Introduction.objects.create(
        job=job,
        graduate=graduate,
        status=Introduction.Status.ACCEPTED,
        answered_at=timezone.now(),
        released_contact="Sam, 07700 900123",
    )
    client.force_login(owner.user)
    client.get(f"/employer/jobs/{job.pk}/matches/")

    client.force_login(coordinator.user)
    page = client.get(f"/partner/graduates/{graduate.reference}/")
    rows = trail_rows(page)
    provider = coordinator.provider.name
    # Newest first: the coordinator's own view, the employer's, the case worker's.
    assert [row[1:] for row in rows] == [
        ["Cora Ordinator", f"Staff of {provider}", "Viewed"],
        ["Olive Owner", "Employer: Northern Bricks", "Viewed"],
        ["Casey Worker", f"Staff of {provider}", "Viewed"],
    ]


def test_case_workers_do_not_see_the_trail(client, case_worker, graduate):
    client.force_login(case_worker.user)
    page = client.get(f"/partner/graduates/{graduate.reference}/")
    assert page.status_code == 200
    assert not BeautifulSoup(page.content, "html.parser").select("[data-section=trail]")
    assert client.get(f"/partner/graduates/{graduate.reference}/trail/").status_code == 403


def test_another_provider_gets_404(client, graduate):
    stranger = CoordinatorFactory()
    client.force_login(stranger.user)
    assert client.get(f"/partner/graduates/{graduate.reference}/trail/").status_code == 404
    assert client.get(f"/partner/graduates/{graduate.reference}/").status_code == 404


def test_the_whole_trail_pages_and_an_erasure_stays_visible(client, coordinator, graduate):
    PersonalDataAccess.objects.bulk_create(
        PersonalDataAccess(graduate=graduate, user=coordinator.user, action=PersonalDataAccess.Action.VIEW)
        for _ in range(55)
    )
    graduate.erase(None)
    client.force_login(coordinator.user)
    page = client.get(f"/partner/graduates/{graduate.reference}/")
    rows = trail_rows(page)
    assert len(rows) == 10 and rows[0][1:] == ["Nobody (the retention rules)", "—", "Erased"]
    assert f"/partner/graduates/{graduate.reference}/trail/" in page.content.decode()
    full = client.get(f"/partner/graduates/{graduate.reference}/trail/")
    assert len(trail_rows(full)) == 50
    assert len(trail_rows(client.get(f"/partner/graduates/{graduate.reference}/trail/?page=2"))) == 6
