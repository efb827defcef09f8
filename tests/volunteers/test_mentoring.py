"""Mentor requests in the partner area, matching by staff with explanations, the introductions,
and the volunteer area: status, matches with the coordinator's contact, sessions, the end."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from partners.models import MatchingConsent
from tests.partners.factories import (
    CoordinatorFactory,
    GraduateFactory,
    ProgrammeProviderFactory,
    ProviderStaffFactory,
)
from tests.portal.factories import UserFactory, with_totp
from tests.volunteers.factories import (
    ActiveMentorFactory,
    MentoringSessionFactory,
    MentorRequestFactory,
    MentorshipFactory,
    VolunteerWithAccountFactory,
)
from volunteers.models import MentoringSession, MentorRequest, Mentorship, Role, Status, VolunteerDataAccess


@pytest.fixture
def provider(db):
    return ProgrammeProviderFactory(name="Fresh Start Futures", region="GB-MAN")


@pytest.fixture
def coordinator(provider):
    return CoordinatorFactory(
        provider=provider, user__email="coord@fresh.example.org", user__first_name="Cora"
    ).user


@pytest.fixture
def case_worker(provider):
    return ProviderStaffFactory(provider=provider, user__email="case@fresh.example.org").user


@pytest.fixture
def moderator(db):
    user = UserFactory(email="moderator@example.org")
    user.groups.add(Group.objects.get(name="Campaign moderators"))
    return with_totp(user)


def ask(client, reference, **extra):
    data = {
        "graduate_reference": reference,
        "preferred_role": "peer-mentor",
        "languages": ["fr"],
        "note": "",
        **extra,
    }
    return client.post("/partner/mentors/new/", data)


def test_a_case_worker_asks_for_a_mentor_for_their_own_consenting_graduate(client, provider, case_worker):
    graduate = GraduateFactory(provider=provider)
    client.force_login(case_worker)
    assert client.get("/partner/mentors/new/").status_code == 200
    response = ask(client, graduate.reference.lower(), note="Confidence before interviews")
    mentor_request = MentorRequest.objects.get()
    assert response["Location"] == f"/partner/mentors/{mentor_request.pk}/"
    assert mentor_request.graduate == graduate and mentor_request.requested_by == case_worker
    assert mentor_request.status == MentorRequest.Status.OPEN
    listing = client.get("/partner/mentors/").content.decode()
    assert graduate.reference in listing


@pytest.mark.parametrize("whose", ["other provider", "no consent", "withdrawn consent", "unknown"])
def test_only_own_graduates_with_consent_on_record(client, provider, case_worker, whose):
    if whose == "other provider":
        reference = GraduateFactory().reference
    elif whose == "no consent":
        reference = GraduateFactory(provider=provider, consent=False).reference
    elif whose == "withdrawn consent":
        graduate = GraduateFactory(provider=provider)
        MatchingConsent.objects.filter(graduate=graduate).update(withdrawn_at=timezone.now())
        reference = graduate.reference
    else:
        reference = "G-AAAA-BBBB"
    client.force_login(case_worker)
    response = ask(client, reference, note="kept note")
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert "No graduate of your provider" in soup.select_one("#id_graduate_reference-error").get_text()
    assert soup.select_one("#id_graduate_reference")["value"] == reference
    assert soup.select_one("#id_note").get_text().strip() == "kept note"
    assert not MentorRequest.objects.exists()


def test_another_providers_request_is_a_404(client, provider):
    mentor_request = MentorRequestFactory(provider=provider)
    client.force_login(CoordinatorFactory().user)
    assert client.get(f"/partner/mentors/{mentor_request.pk}/").status_code == 404
    assert mentor_request.graduate.reference not in client.get("/partner/mentors/").content.decode()


def test_staff_see_mentors_ranked_with_explanations_and_match_one(
    client, provider, coordinator, moderator, mailoutbox
):
    mentor_request = MentorRequestFactory(
        provider=provider, languages=["fr"], preferred_role=Role.PEER_MENTOR
    )
    best = ActiveMentorFactory(
        full_name="Best Fit", region="GB-MAN", languages=["en", "fr"], role=Role.PEER_MENTOR
    )
    ActiveMentorFactory(full_name="Far Away", region="GB-CRF", languages=["en"], role=Role.BEFRIENDER)
    VolunteerWithAccountFactory(full_name="Still Screening", status=Status.TRAINED)
    client.force_login(moderator)
    page = client.get(reverse("mentor_requests_admin:inspect", args=[mentor_request.pk]))
    soup = BeautifulSoup(page.content, "html.parser")
    candidates = soup.select("[data-candidate]")
    assert [c["data-candidate"] for c in candidates][0] == str(best.pk)
    assert "Still Screening" not in page.content.decode()
    reasons = candidates[0].get_text()
    assert "Same region as the provider: Manchester" in reasons
    assert "Speaks the language asked for: French" in reasons
    assert "The role asked for: Peer mentor" in reasons
    assert "Does not speak French" in candidates[1].get_text()
    response = client.post(
        reverse("mentor_requests_admin:match", args=[mentor_request.pk]), {"volunteer": best.pk}
    )
    assert response.status_code == 302
    mentorship = Mentorship.objects.get()
    assert mentorship.volunteer == best and mentorship.matched_by == moderator
    mentor_request.refresh_from_db()
    assert mentor_request.status == MentorRequest.Status.MATCHED
    to_mentor, to_coordinator = mailoutbox
    assert to_mentor.to == [best.email] and "coord@fresh.example.org" in to_mentor.body
    assert to_coordinator.to == ["coord@fresh.example.org"]
    assert best.email in to_coordinator.body and "Best Fit" in to_coordinator.body
    for message in mailoutbox:
        assert mentor_request.graduate.reference in message.body
        assert mentor_request.graduate.personal_data.full_name not in message.body
        assert best.lived_experience not in message.body
    again = client.post(
        reverse("mentor_requests_admin:match", args=[mentor_request.pk]), {"volunteer": best.pk}
    )
    assert again.status_code == 302 and Mentorship.objects.count() == 1


def test_only_an_active_mentor_can_be_matched(client, provider, moderator):
    mentor_request = MentorRequestFactory(provider=provider)
    paused = ActiveMentorFactory(status=Status.PAUSED)
    client.force_login(moderator)
    response = client.post(
        reverse("mentor_requests_admin:match", args=[mentor_request.pk]), {"volunteer": paused.pk}
    )
    assert response.status_code == 400 and "active mentors" in response.content.decode()
    assert not Mentorship.objects.exists()


def test_after_a_match_the_coordinator_sees_the_mentors_contact_audited(
    client, provider, coordinator, case_worker
):
    mentorship = MentorshipFactory(request__provider=provider, volunteer__languages=["en", "ar"])
    mentor = mentorship.volunteer
    url = f"/partner/mentors/{mentorship.request.pk}/"
    client.force_login(coordinator)
    page = client.get(url).content.decode()
    assert mentor.full_name in page and mentor.email in page and "Arabic" in page
    assert mentor.lived_experience.split()[0] not in page and mentor.phone not in page
    assert mentor.references.first().text.split()[0] not in page
    access = VolunteerDataAccess.objects.get()
    assert (access.user, access.action, access.path) == (
        coordinator,
        VolunteerDataAccess.Action.VIEW_CONTACT,
        url,
    )
    client.force_login(case_worker)
    page = client.get(url).content.decode()
    assert mentor.email not in page and "coordinator has their contact" in page


@pytest.fixture
def matched(provider, coordinator):
    return MentorshipFactory(request__provider=provider)


def test_the_volunteer_area_shows_status_history_and_the_coordinators_contact(client, matched):
    client.force_login(matched.volunteer.user)
    page = client.get("/volunteer/area/").content.decode()
    assert "You are an active volunteer" in page
    assert "References requested" in page and "Trained" in page
    assert matched.request.graduate.reference in page and "coord@fresh.example.org" in page
    assert matched.request.graduate.personal_data.full_name not in page
    detail = client.get(f"/volunteer/area/matches/{matched.pk}/").content.decode()
    assert "coord@fresh.example.org" in detail and "Cora" in detail


def test_the_mentor_logs_a_session_and_is_warned_about_personal_details(client, matched):
    client.force_login(matched.volunteer.user)
    url = f"/volunteer/area/matches/{matched.pk}/"
    assert "Do not write the graduate" in client.get(url).content.decode()
    day = timezone.localdate() - datetime.timedelta(days=1)
    response = client.post(
        f"{url}sessions/", {"held_on": day.isoformat(), "minutes": "45", "notes": "CV work"}
    )
    assert response["Location"] == url
    assert MentoringSession.objects.get().minutes == 45
    assert "CV work" in client.get(url).content.decode()


def test_a_session_form_with_bad_input_is_answered_next_to_the_field(client, matched):
    client.force_login(matched.volunteer.user)
    future = timezone.localdate() + datetime.timedelta(days=3)
    url = f"/volunteer/area/matches/{matched.pk}/sessions/"
    response = client.post(url, {"held_on": future.isoformat(), "minutes": "2", "notes": "kept words"})
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert "in the future" in soup.select_one("#id_held_on-error").get_text()
    assert "between 5 and 600" in soup.select_one("#id_minutes-error").get_text()
    assert soup.select_one("#id_notes")["value"] == "kept words"
    assert client.post(url, {"held_on": "not a date", "minutes": "x"}).status_code == 400
    assert not MentoringSession.objects.exists()


def test_the_mentor_ends_the_match_with_an_outcome(client, matched):
    client.force_login(matched.volunteer.user)
    url = f"/volunteer/area/matches/{matched.pk}/"
    assert client.post(f"{url}end/", {}).status_code == 400
    client.post(f"{url}end/", {"outcome": "in-work", "outcome_note": "Started at a bakery"})
    matched.refresh_from_db()
    assert matched.ended_at and matched.outcome == "in-work"
    page = client.get(url).content.decode()
    assert "The graduate found work" in page and "Log the session" not in page
    late = client.post(f"{url}sessions/", {"held_on": timezone.localdate().isoformat(), "minutes": "30"})
    assert late.status_code == 400 and not MentoringSession.objects.exists()


def test_another_volunteers_match_is_a_404(client, matched):
    client.force_login(ActiveMentorFactory().user)
    url = f"/volunteer/area/matches/{matched.pk}/"
    assert client.get(url).status_code == 404
    assert client.post(f"{url}sessions/", {"held_on": "2026-01-01", "minutes": "30"}).status_code == 404
    assert client.post(f"{url}end/", {"outcome": "other"}).status_code == 404


def test_the_volunteer_updates_their_availability(client, matched):
    client.force_login(matched.volunteer.user)
    assert client.post("/volunteer/area/availability/", {"availability": []}).status_code == 400
    client.post(
        "/volunteer/area/availability/",
        {"availability": ["weekday-evenings"], "availability_note": "Not in August"},
    )
    matched.volunteer.refresh_from_db()
    assert matched.volunteer.availability == ["weekday-evenings"]
    assert "Not in August" in client.get("/volunteer/area/").content.decode()


def test_ending_a_volunteer_ends_their_matches(db, matched, moderator):
    matched.volunteer.move_to(Status.ENDED, by=moderator, reason="Moved abroad")
    matched.refresh_from_db()
    assert matched.ended_at and matched.outcome == Mentorship.Outcome.MENTOR_LEFT


def test_the_volunteer_area_keeps_its_query_count(
    client, provider, coordinator, django_assert_max_num_queries
):
    mentor = ActiveMentorFactory()
    MentoringSessionFactory(mentorship=MentorshipFactory(volunteer=mentor, request__provider=provider))
    client.force_login(mentor.user)
    with django_assert_max_num_queries(30) as few:
        assert client.get("/volunteer/area/").status_code == 200
    for _ in range(4):
        mentorship = MentorshipFactory(volunteer=mentor, request__provider=ProgrammeProviderFactory())
        CoordinatorFactory(provider=mentorship.request.provider)
        MentoringSessionFactory.create_batch(3, mentorship=mentorship)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/volunteer/area/").status_code == 200
    detail = f"/volunteer/area/matches/{mentorship.pk}/"
    with django_assert_max_num_queries(30) as few:
        assert client.get(detail).status_code == 200
    MentoringSessionFactory.create_batch(10, mentorship=mentorship)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(detail).status_code == 200


def test_the_partner_dashboard_counts_open_requests(client, provider, coordinator):
    MentorRequestFactory.create_batch(2, provider=provider)
    client.force_login(coordinator)
    page = BeautifulSoup(client.get("/partner/").content, "html.parser")
    assert "2 mentor requests waiting" in page.select_one('[data-count="open-mentor-requests"]').get_text()


def test_the_intro_emails_link_to_each_area(client, provider, coordinator, moderator, mailoutbox):
    mentor_request = MentorRequestFactory(provider=provider)
    mentor = ActiveMentorFactory()
    client.force_login(moderator)
    client.post(reverse("mentor_requests_admin:match", args=[mentor_request.pk]), {"volunteer": mentor.pk})
    mentorship = Mentorship.objects.get()
    assert re.search(rf"/volunteer/area/matches/{mentorship.pk}/", mailoutbox[0].body)
    assert re.search(rf"/partner/mentors/{mentor_request.pk}/", mailoutbox[1].body)
