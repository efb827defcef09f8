"""Nominating from the employer area and the partner area: always in one's own name, only where
the round and the employer's size allow, and a form with errors keeps what was typed."""

import pytest

from awards.models import Category, Nomination
from tests.awards.factories import AwardRoundFactory, NominationFactory, category
from tests.employers.factories import EmployerFactory, RecruiterFactory, VerifiedUserFactory, owner_of
from tests.partners.factories import CoordinatorFactory, ProgrammeProviderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def award_round(home):
    return AwardRoundFactory()


def test_an_employer_nominates_only_itself(client, award_round):
    owner, employer = owner_of(employer=EmployerFactory(size_band="50-249"))
    other = EmployerFactory(size_band="50-249")
    client.force_login(owner)
    medium = category(award_round, Category.Kind.MEDIUM)
    response = client.post(
        "/employer/awards/nominate/",
        {"category": medium.pk, "statement": "We kept everyone on.", "employer": other.pk},
    )
    assert response.status_code == 302
    nomination = Nomination.objects.get()
    assert nomination.employer == employer and nomination.nominated_by == "employer"
    assert not other.award_nominations.exists()
    page = client.get(response["Location"]).content.decode()
    assert "We kept everyone on." in page and "fewer than 5" in page


def test_an_employer_cannot_enter_a_category_of_another_size(client, award_round):
    owner, _ = owner_of(employer=EmployerFactory(size_band="1-9"))
    client.force_login(owner)
    form = client.get("/employer/awards/nominate/").content.decode()
    assert "Large employer" not in form and "Small employer" in form
    large = category(award_round, Category.Kind.LARGE)
    response = client.post(
        "/employer/awards/nominate/", {"category": large.pk, "statement": "Typed with care."}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Select a valid choice" in page and "Typed with care." in page
    assert not Nomination.objects.exists()


def test_a_second_nomination_in_the_same_category_is_refused_with_a_message(client, award_round):
    owner, employer = owner_of()
    retention = category(award_round, Category.Kind.RETENTION)
    NominationFactory(category=retention, employer=employer)
    client.force_login(owner)
    response = client.post("/employer/awards/nominate/", {"category": retention.pk, "statement": "Again."})
    assert response.status_code == 400
    assert "already nominated in this category" in response.content.decode()
    assert Nomination.objects.count() == 1


def test_a_recruiter_sees_but_cannot_nominate(client, award_round):
    owner, employer = owner_of()
    recruiter = RecruiterFactory(employer=employer, user=VerifiedUserFactory()).user
    client.force_login(recruiter)
    assert client.get("/employer/awards/").status_code == 200
    assert client.get("/employer/awards/nominate/").status_code == 403


def test_a_provider_nominates_in_its_own_name_only(client, award_round):
    provider, other_provider = ProgrammeProviderFactory(), ProgrammeProviderFactory()
    coordinator = CoordinatorFactory(provider=provider).user
    employer = EmployerFactory()
    client.force_login(coordinator)
    improved = category(award_round, Category.Kind.MOST_IMPROVED)
    response = client.post(
        "/partner/awards/nominate/",
        {
            "employer": employer.pk,
            "category": improved.pk,
            "statement": "Hired two.",
            "provider": other_provider.pk,
        },
    )
    assert response.status_code == 302
    nomination = Nomination.objects.get()
    assert nomination.provider == provider and nomination.nominator == coordinator
    theirs = NominationFactory(
        category=category(award_round, Category.Kind.RETENTION), employer=employer, provider=other_provider
    )
    assert client.get(f"/partner/awards/nominations/{theirs.pk}/").status_code == 404
    listing = client.get("/partner/awards/").content.decode()
    assert f'data-nomination="{nomination.pk}"' in listing and f'data-nomination="{theirs.pk}"' not in listing


def test_an_employer_reads_a_provider_nomination_without_its_statement(client, award_round):
    owner, employer = owner_of()
    provider_nomination = NominationFactory(
        category=category(award_round, Category.Kind.MOST_IMPROVED),
        employer=employer,
        nominated_by="provider",
        provider=ProgrammeProviderFactory(name="Fresh Start Futures"),
    )
    client.force_login(owner)
    page = client.get(f"/employer/awards/nominations/{provider_nomination.pk}/").content.decode()
    assert provider_nomination.statement not in page and "Fresh Start Futures" not in page
    assert "Programme provider" in page


def test_nominations_close_with_the_round(client, award_round):
    owner, _ = owner_of()
    award_round.start_judging()
    client.force_login(owner)
    assert "No category is open" in client.get("/employer/awards/").content.decode()
    response = client.post(
        "/employer/awards/nominate/",
        {"category": category(award_round, Category.Kind.MOST_IMPROVED).pk, "statement": "Late."},
    )
    assert response.status_code == 400 and not Nomination.objects.exists()
