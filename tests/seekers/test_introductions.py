"""Matching both ways: employers see findable seekers anonymised, ask for an introduction, the
seeker accepts or declines (e-mails on each step, in each person's language), and only then does
the employer see the profile and CV, each view audited. Programme providers confirm the links
seekers ask for and then may see the profile, audited."""

import pytest

from seekers.models import ProviderLink, SeekerDataAccess, SeekerIntroduction
from tests.employers.factories import JobListingFactory, OwnerFactory, SkillFactory
from tests.partners.factories import CoordinatorFactory, ProgrammeProviderFactory, ProviderStaffFactory
from tests.seekers.factories import (
    AcceptedIntroductionFactory,
    ConfirmedLinkFactory,
    FindableSeekerFactory,
    JobSeekerFactory,
    ProviderLinkFactory,
    SeekerIntroductionFactory,
    seeker_markers,
    with_cv,
)


@pytest.fixture
def cooking(db):
    return SkillFactory(name="Cooking")


@pytest.fixture
def job(cooking):
    return JobListingFactory(title="Line Cook", skills=[cooking], region="GB-MAN")


@pytest.fixture
def owner(client, job):
    membership = OwnerFactory(employer=job.employer)
    client.force_login(membership.user)
    return membership.user


def test_employers_see_findable_seekers_anonymised_with_the_reasons(client, owner, job, cooking):
    findable = with_cv(FindableSeekerFactory(skills=[cooking]))
    hidden = JobSeekerFactory(skills=[cooking])  # did not opt in
    page = client.get(f"/employer/jobs/{job.pk}/seekers/").content.decode()
    assert findable.reference in page and hidden.reference not in page
    assert "Matches 1 of 1 required skill: Cooking" in page
    for marker in seeker_markers(findable):
        assert marker not in page
    assert "SEEKMARK" not in page
    assert not SeekerDataAccess.objects.exists()


def test_an_introduction_goes_to_the_seeker_who_accepts_and_the_employer_then_sees_the_profile(
    client, owner, job, cooking, mailoutbox
):
    seeker = with_cv(FindableSeekerFactory(skills=[cooking]))
    seeker.user.language = "fr"
    seeker.user.save()
    # Before anything is accepted, the profile and the CV are not there for this employer.
    assert client.get(f"/employer/seekers/{seeker.reference}/").status_code == 404
    assert client.get(f"/employer/seekers/{seeker.reference}/cv/").status_code == 404

    response = client.post(
        f"/employer/jobs/{job.pk}/seekers/{seeker.reference}/introduce/", {"message": "Come and cook"}
    )
    assert response.status_code == 302
    introduction = SeekerIntroduction.objects.get(seeker=seeker, job=job)
    to_seeker = mailoutbox[-1]
    assert to_seeker.to == [seeker.user.email]
    assert to_seeker.extra_headers["Content-Language"] == "fr"  # the seeker's own language
    assert "/fr/seeker/introductions/" in to_seeker.body
    # Asking twice is refused politely.
    client.post(f"/employer/jobs/{job.pk}/seekers/{seeker.reference}/introduce/", {"message": "Again"})
    assert SeekerIntroduction.objects.filter(seeker=seeker, job=job).count() == 1

    client.force_login(seeker.user)
    assert job.title in client.get("/seeker/introductions/").content.decode()
    client.post(f"/seeker/introductions/{introduction.pk}/answer/", {"answer": "accept"})
    introduction.refresh_from_db()
    assert introduction.status == SeekerIntroduction.Status.ACCEPTED
    to_employer = mailoutbox[-1]
    assert to_employer.to == [owner.email] and seeker.reference in to_employer.subject

    client.force_login(owner)
    page = client.get(f"/employer/seekers/{seeker.reference}/").content.decode()
    for marker in seeker_markers(seeker):
        assert marker in page
    # The CV goes only to employers the seeker applied to with it: an accepted introduction
    # shows the profile, and neither links to nor serves the CV.
    assert f"/employer/seekers/{seeker.reference}/cv/" not in page
    assert client.get(f"/employer/seekers/{seeker.reference}/cv/").status_code == 404
    audit = list(SeekerDataAccess.objects.filter(seeker=seeker).order_by("at", "pk"))
    assert [entry.action for entry in audit] == ["profile"]
    assert all(entry.user == owner and entry.employer == job.employer for entry in audit)


def test_a_declined_introduction_keeps_the_profile_hidden(client, owner, job, cooking, mailoutbox):
    introduction = SeekerIntroductionFactory(job=job, seeker__skills=[cooking], requested_by=owner)
    client.force_login(introduction.seeker.user)
    client.post(f"/seeker/introductions/{introduction.pk}/answer/", {"answer": "decline"})
    assert "declined" in mailoutbox[-1].subject
    client.force_login(owner)
    assert client.get(f"/employer/seekers/{introduction.seeker.reference}/").status_code == 404


def test_another_employer_never_sees_an_accepted_profile(client, db):
    introduction = AcceptedIntroductionFactory()
    stranger = OwnerFactory()
    client.force_login(stranger.user)
    reference = introduction.seeker.reference
    assert client.get(f"/employer/seekers/{reference}/").status_code == 404
    assert client.get(f"/employer/seekers/{reference}/cv/").status_code == 404
    assert not SeekerDataAccess.objects.exists()


def test_a_seeker_cannot_answer_someone_elses_introduction(client, db):
    introduction = SeekerIntroductionFactory()
    client.force_login(JobSeekerFactory().user)
    assert (
        client.post(f"/seeker/introductions/{introduction.pk}/answer/", {"answer": "accept"}).status_code
        == 404
    )
    introduction.refresh_from_db()
    assert introduction.status == SeekerIntroduction.Status.REQUESTED


def test_an_employer_cannot_ask_for_a_seeker_who_is_not_findable(client, owner, job, cooking):
    seeker = JobSeekerFactory(skills=[cooking])
    response = client.post(
        f"/employer/jobs/{job.pk}/seekers/{seeker.reference}/introduce/", {"message": "Hi"}
    )
    assert response.status_code == 404
    assert not SeekerIntroduction.objects.exists()


def test_a_too_long_message_is_explained_and_kept(client, owner, job, cooking):
    seeker = FindableSeekerFactory(skills=[cooking])
    text = "Please " + "x" * 2100
    response = client.post(
        f"/employer/jobs/{job.pk}/seekers/{seeker.reference}/introduce/", {"message": text}
    )
    assert response.status_code == 400
    assert "at most 2000 characters" in response.content.decode()
    assert text in response.content.decode()


# Programme providers ---------------------------------------------------------------------------


def test_a_link_is_asked_by_the_seeker_and_confirmed_by_a_coordinator(client, db, mailoutbox):
    provider = ProgrammeProviderFactory(name="Fresh Start Futures")
    coordinator = CoordinatorFactory(provider=provider).user
    case_worker = ProviderStaffFactory(provider=provider).user
    seeker = with_cv(JobSeekerFactory())
    client.force_login(seeker.user)
    assert client.post("/seeker/providers/", {"provider": provider.pk}).status_code == 302
    link = ProviderLink.objects.get(seeker=seeker)
    assert mailoutbox[-1].to == [coordinator.email]

    # Before the link is confirmed the provider sees nothing of the profile.
    client.force_login(coordinator)
    assert client.get(f"/partner/seekers/{seeker.reference}/").status_code == 404
    # A case worker sees the request but may not answer it.
    client.force_login(case_worker)
    assert client.post(f"/partner/seekers/links/{link.pk}/answer/", {"answer": "confirm"}).status_code == 403
    client.force_login(coordinator)
    client.post(f"/partner/seekers/links/{link.pk}/answer/", {"answer": "confirm"})
    link.refresh_from_db()
    assert link.status == ProviderLink.Status.CONFIRMED
    assert mailoutbox[-1].to == [seeker.user.email] and "confirmed" in mailoutbox[-1].subject

    page = client.get(f"/partner/seekers/{seeker.reference}/").content.decode()
    for marker in seeker_markers(seeker):
        assert marker in page
    assert client.get(f"/partner/seekers/{seeker.reference}/cv/").status_code == 200
    audit = SeekerDataAccess.objects.filter(seeker=seeker, provider=provider, user=coordinator)
    assert sorted(audit.values_list("action", flat=True)) == ["cv", "profile"]

    # The seeker ends the link: the provider no longer sees the profile.
    client.force_login(seeker.user)
    client.post(f"/seeker/providers/{link.pk}/end/")
    client.force_login(coordinator)
    assert client.get(f"/partner/seekers/{seeker.reference}/").status_code == 404


def test_another_provider_sees_nothing_of_a_linked_seeker(client, db):
    link = ConfirmedLinkFactory()
    stranger = CoordinatorFactory().user
    client.force_login(stranger)
    assert client.get(f"/partner/seekers/{link.seeker.reference}/").status_code == 404
    assert client.post(f"/partner/seekers/links/{link.pk}/answer/", {"answer": "decline"}).status_code == 404
    waiting = ProviderLinkFactory()
    assert (
        client.post(f"/partner/seekers/links/{waiting.pk}/answer/", {"answer": "confirm"}).status_code == 404
    )
    waiting.refresh_from_db()
    assert waiting.status == ProviderLink.Status.REQUESTED
