"""The employer dashboard's panels and a provider's graduate table are kept per organisation
(employers/area_cache.py): each change shows on the next page, one organisation's never reaches
another, and kept they cost a fixed, small number of queries (issue 22)."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import user_logged_in
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from employers.models import Employer, Membership
from matching.models import Introduction
from partners.models import Graduate
from tests.employers.factories import (
    HiringPledgeFactory,
    JobListingFactory,
    OwnerFactory,
    PendingEmployerFactory,
    RecruiterFactory,
    VerifiedUserFactory,
)
from tests.partners.factories import (
    CoordinatorFactory,
    GraduateFactory,
    ProgrammeFactory,
    ProviderStaffFactory,
)


@pytest.fixture(autouse=True)
def kept(settings, home):
    settings.FRAGMENT_CACHE_SECONDS = 60


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def dashboard(client):
    response = client.get("/employer/")
    assert response.status_code == 200
    return (
        BeautifulSoup(response.content, "html.parser").select_one(".area-content").get_text(" ", strip=True)
    )


def queries_of(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


# --- the employer dashboard ---------------------------------------------------------------------


def test_kept_panels_cost_three_queries_and_are_read_again_after_a_change():
    owner = OwnerFactory()
    colleague = RecruiterFactory(employer=owner.employer)
    client = logged_in(owner.user)
    dashboard(client)
    # user, membership with the verified address, two-factor: the panels come from the cache
    assert queries_of(client, "/employer/") == 3
    colleague.user.email = "new-address@bakery.example"
    colleague.user.save()
    # and the pledge, the members and the introductions again
    assert queries_of(client, "/employer/") == 6


def test_each_change_to_the_organisation_shows_on_the_next_page():
    owner = OwnerFactory(employer=PendingEmployerFactory())
    employer, client = owner.employer, logged_in(owner.user)
    assert "Campaign staff are checking your organisation" in dashboard(client)

    employer.status = Employer.Status.VERIFIED
    employer.save()
    text = dashboard(client)
    assert "Campaign staff are checking" not in text and "Sign a hiring pledge" in text

    colleague = RecruiterFactory(
        employer=employer, user=VerifiedUserFactory(email="colleague@bakery.example")
    )
    assert "colleague@bakery.example" in dashboard(client)
    colleague.user.email = "renamed@bakery.example"
    colleague.user.save()
    assert "renamed@bakery.example" in dashboard(client)
    Membership.objects.filter(pk=colleague.pk).delete()
    assert "renamed@bakery.example" not in dashboard(client)

    pledge = HiringPledgeFactory(employer=employer)
    assert f"Pledge {pledge.reference} is active" in dashboard(client)

    job = JobListingFactory(employer=employer, title="Pastry chef")
    graduate = GraduateFactory()
    introduction = Introduction.objects.create(job=job, graduate=graduate, requested_by=owner.user)
    assert f"{graduate.reference} for “Pastry chef” — requested on" in dashboard(client)
    job.title = "Head pastry chef"
    job.save()
    assert "“Head pastry chef”" in dashboard(client)
    # Answered with QuerySet.update(): no save signal.
    introduction.accept(by=None, released_contact="phone 0161 000 0000")
    assert "accepted on" in dashboard(client)
    introduction.record_hire(by=owner.user, start_date=datetime.date.today(), hours_per_week=30)
    assert "No open introductions" in dashboard(client)


def test_one_organisations_panels_never_reach_another():
    first = OwnerFactory(user=VerifiedUserFactory(email="first@one.example"))
    second = OwnerFactory(user=VerifiedUserFactory(email="second@two.example"))
    HiringPledgeFactory(employer=first.employer)
    one, two = logged_in(first.user), logged_in(second.user)
    assert "first@one.example" in dashboard(one) and "Pledge" in dashboard(one)
    text = dashboard(two)
    assert "second@two.example" in text and "first@one.example" not in text and "No active pledge" in text
    # A change to the first leaves the second's kept panels alone.
    first.user.email = "first-renamed@one.example"
    first.user.save()
    assert "first-renamed@one.example" in dashboard(one)
    assert queries_of(two, "/employer/") == 3


def test_a_recruiter_is_not_shown_what_only_owners_may_do_from_an_owners_panels():
    owner = OwnerFactory()
    recruiter = RecruiterFactory(employer=owner.employer)
    assert "Sign a hiring pledge" in dashboard(logged_in(owner.user))
    assert "Sign a hiring pledge" not in dashboard(logged_in(recruiter.user))


def test_someone_logging_in_keeps_the_organisations_panels():
    owner = OwnerFactory()
    colleague = RecruiterFactory(employer=owner.employer)
    client = logged_in(owner.user)
    dashboard(client)
    user_logged_in.send(sender=type(colleague.user), request=None, user=colleague.user)  # saves last_login
    assert queries_of(client, "/employer/") == 3


# --- the partner area's graduate list -----------------------------------------------------------


def graduate_rows(client, query=""):
    response = client.get(f"/partner/graduates/{query}")
    assert response.status_code == 200
    rows = BeautifulSoup(response.content, "html.parser").select("tr[data-graduate]")
    return {row["data-graduate"]: row.get_text(" ", strip=True) for row in rows}


@pytest.fixture
def coordinator():
    return CoordinatorFactory()


def test_a_kept_graduate_table_costs_two_queries(coordinator):
    graduate = GraduateFactory(provider=coordinator.provider)
    client = logged_in(coordinator.user)
    graduate_rows(client)
    assert queries_of(client, "/partner/graduates/") == 2  # user, staff role with the verified address
    graduate.status = Graduate.Status.NOT_SEEKING
    graduate.save()
    # and the count, the page and its programmes' names again
    assert queries_of(client, "/partner/graduates/") == 5


def test_each_change_to_the_providers_graduates_shows_on_the_next_page(coordinator):
    provider, client = coordinator.provider, logged_in(coordinator.user)
    programme = ProgrammeFactory(provider=provider, name="Bakery skills")
    graduate = GraduateFactory(provider=provider, programmes=[programme])
    assert graduate_rows(client)[graduate.reference].endswith("Bakery skills Given")

    newcomer = GraduateFactory(provider=provider, consent=False)
    assert graduate_rows(client)[newcomer.reference].endswith("None: not matched")

    programme.name = "Bakery and pastry skills"
    programme.save()
    assert "Bakery and pastry skills" in graduate_rows(client)[graduate.reference]

    graduate.withdraw_consent(by=coordinator.user)  # QuerySet.update() and a signal
    assert graduate_rows(client)[graduate.reference].endswith("None: not matched")

    newcomer.status = Graduate.Status.NOT_SEEKING
    newcomer.save()
    assert "Not seeking" in graduate_rows(client)[newcomer.reference]

    newcomer.delete()
    assert newcomer.reference not in graduate_rows(client)


def test_a_hire_places_the_graduate_in_the_list_at_once(coordinator):
    graduate = GraduateFactory(provider=coordinator.provider)
    client = logged_in(coordinator.user)
    assert "Seeking" in graduate_rows(client)[graduate.reference]
    owner = OwnerFactory()
    job = JobListingFactory(employer=owner.employer)
    introduction = Introduction.objects.create(job=job, graduate=graduate, requested_by=owner.user)
    introduction.accept(by=coordinator.user, released_contact="phone")
    introduction.record_hire(by=owner.user, start_date=datetime.date.today(), hours_per_week=30)
    assert "Placed" in graduate_rows(client)[graduate.reference]


def test_one_providers_graduates_never_reach_another(coordinator):
    other = ProviderStaffFactory()
    mine = GraduateFactory(provider=coordinator.provider)
    theirs = GraduateFactory(provider=other.provider)
    client, other_client = logged_in(coordinator.user), logged_in(other.user)
    assert list(graduate_rows(client)) == [mine.reference]
    assert list(graduate_rows(other_client)) == [theirs.reference]
    # The same address and filters, another provider: its own table.
    assert list(graduate_rows(client, "?status=seeking")) == [mine.reference]
    assert list(graduate_rows(other_client, "?status=seeking")) == [theirs.reference]
    added = GraduateFactory(provider=coordinator.provider)
    assert added.reference in graduate_rows(client)
    assert queries_of(other_client, "/partner/graduates/") == 2


def test_filters_and_pages_are_kept_apart(coordinator):
    seeking = GraduateFactory(provider=coordinator.provider)
    placed = GraduateFactory(provider=coordinator.provider, status=Graduate.Status.PLACED)
    client = logged_in(coordinator.user)
    assert set(graduate_rows(client)) == {seeking.reference, placed.reference}
    assert list(graduate_rows(client, "?status=placed")) == [placed.reference]
    assert list(graduate_rows(client, f"?q={seeking.reference}")) == [seeking.reference]


def test_with_the_cache_server_away_both_pages_are_still_served(settings, coordinator):
    owner = OwnerFactory(user=VerifiedUserFactory(email="owner@bakery.example"))
    graduate = GraduateFactory(provider=coordinator.provider)
    one, two = logged_in(owner.user), logged_in(coordinator.user)
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.redis_cache.ReusedClientRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
        }
    }
    assert "owner@bakery.example" in dashboard(one)
    assert graduate.reference in graduate_rows(two)
