"""Volunteers' personal data (docs/architecture.md, "Data that must never leak"): staff see it,
every view audited; after a match the provider's coordinator sees the mentor's name, e-mail, role
and languages only. It reaches no public page, sitemap, search, API answer, employer, or another
provider, and an erasure leaves none of it in any table."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.urls import reverse

from tests.crawl import local, sitemap_files
from tests.employers.factories import owner_of
from tests.partners.factories import CoordinatorFactory, ProgrammeProviderFactory
from tests.portal.factories import UserFactory, with_totp
from tests.public_site import build_public_site
from tests.volunteers.factories import (
    ActiveMentorFactory,
    MentoringSessionFactory,
    MentorRequestFactory,
    MentorshipFactory,
    VolunteerFactory,
    volunteer_markers,
)
from volunteers.models import Mentorship, Status, VolunteerDataAccess

API = [
    "/api/v1/",
    "/api/v1/jobs",
    "/api/v1/employers",
    "/api/v1/stories",
    "/api/v1/campaigns",
    "/api/v1/impact",
]


def assert_clean(text, markers, where):
    leaked = [marker for marker in markers if marker.lower() in text.lower()]
    assert not leaked, f"{where} shows personal data of a volunteer: {leaked}"


@pytest.fixture
def world(home, story_index, campaign_index, standard_pages):
    site = build_public_site(home, story_index, campaign_index, standard_pages)
    provider = ProgrammeProviderFactory(name="Fresh Start Futures")
    coordinator = CoordinatorFactory(provider=provider, user__email="coord@fresh.example.org").user
    mentorship = MentorshipFactory(request__provider=provider)
    session = MentoringSessionFactory(mentorship=mentorship)
    applicant = VolunteerFactory()
    waiting = MentorRequestFactory(provider=provider)
    moderator = with_totp(UserFactory(email="moderator@example.org"))
    moderator.groups.add(Group.objects.get(name="Campaign moderators"))
    return {
        **site,
        "provider": provider,
        "coordinator": coordinator,
        "mentorship": mentorship,
        "session": session,
        "mentor": mentorship.volunteer,
        "applicant": applicant,
        "waiting": waiting,
        "moderator": moderator,
        "markers": volunteer_markers(mentorship.volunteer) + volunteer_markers(applicant),
    }


def public_urls(world):
    return [
        "/",
        "/volunteer/",
        "/stories/",
        world["story"].url,
        "/campaigns/",
        "/jobs/",
        world["job"].get_absolute_url(),
        "/pledge-wall/",
        world["employer"].get_absolute_url(),
        "/impact/",
        *API,
    ]


def test_nothing_personal_reaches_the_public_search_sitemaps_or_the_api(client, world):
    markers = world["markers"]
    urls = public_urls(world) + [local(address) for address in sitemap_files(client)] + ["/sitemap.xml"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_clean(response.content.decode(), markers, url)
    for marker in markers[:4]:
        for path in ("/search/", "/jobs/", "/search/suggest/"):
            response = client.get(path, {"q": marker})
            text = response.content.decode().replace(marker, "")
            assert_clean(
                text, [m for m in markers if marker not in m and m not in marker], f"{path}?q={marker}"
            )


def test_employers_and_another_provider_see_nothing_of_volunteers(client, world):
    other = CoordinatorFactory(
        provider=ProgrammeProviderFactory(name="Elsewhere"), user__email="c@elsewhere.example.org"
    ).user
    owner, _ = owner_of(email="owner@another.example.org")
    mine = [f"/partner/mentors/{world['mentorship'].request.pk}/", f"/partner/mentors/{world['waiting'].pk}/"]
    for person in (other, owner):
        client.force_login(person)
        for url in [*mine, "/partner/mentors/", "/partner/", "/employer/", *public_urls(world)]:
            response = client.get(url)
            assert_clean(response.content.decode(), world["markers"], f"{url} as {person.email}")
        for url in mine:
            assert client.get(url).status_code in (403, 404)
        assert client.get(f"/volunteer/area/matches/{world['mentorship'].pk}/").status_code in (302, 404)
    assert not VolunteerDataAccess.objects.exists()


def test_the_matched_coordinator_sees_only_name_email_role_and_languages(client, world):
    mentor = world["mentor"]
    client.force_login(world["coordinator"])
    page = client.get(f"/partner/mentors/{world['mentorship'].request.pk}/").content.decode()
    assert mentor.full_name in page and mentor.email in page
    not_for_them = [
        m for m in volunteer_markers(mentor) if m not in (mentor.full_name.split()[0], mentor.email)
    ]
    assert_clean(page, not_for_them + [world["session"].notes.split()[0]], "the coordinator's page")
    # And nothing of the applicant, who is matched with nobody.
    assert_clean(page, volunteer_markers(world["applicant"]), "the coordinator's page")


def test_erasure_leaves_no_personal_data_in_any_table_and_keeps_the_history(client, world):
    mentor, session = world["mentor"], world["session"]
    markers = volunteer_markers(mentor) + [session.notes.split()[0], "Screened in a test"]
    user = mentor.user
    client.force_login(world["moderator"])
    client.get(reverse("volunteers_admin:inspect", args=[mentor.pk]))
    refused = client.post(reverse("volunteers_admin:erase", args=[mentor.pk]), {})
    assert refused.status_code == 400
    response = client.post(reverse("volunteers_admin:erase", args=[mentor.pk]), {"confirm": "on"})
    assert response.status_code == 302
    mentor.refresh_from_db()
    assert mentor.is_erased and mentor.status == Status.ENDED and mentor.user is None
    assert (mentor.full_name, mentor.email, mentor.phone, mentor.lived_experience) == ("", "", "", "")
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table == "accounts_user":
                continue  # the person's own account is theirs to delete (/accounts/delete/)
            cursor.execute(f'SELECT * FROM "{table}"')
            assert_clean(repr(cursor.fetchall()), markers[:1] + markers[2:], f"the table {table}")
    # Kept, without personal data: the history, the match (ended) and its session.
    assert mentor.status_history.count() == 5
    mentorship = Mentorship.objects.get(pk=world["mentorship"].pk)
    assert mentorship.ended_at and mentorship.sessions.get().minutes == session.minutes
    assert VolunteerDataAccess.objects.filter(volunteer=mentor, action="erase").exists()
    # The erased volunteer's account no longer opens the area; staff still see the record.
    client.force_login(user)
    assert client.get("/volunteer/area/")["Location"] == "/volunteer/"
    client.force_login(world["moderator"])
    page = client.get(reverse("volunteers_admin:inspect", args=[mentor.pk]))
    assert page.status_code == 200 and "Erased on" in page.content.decode()
    assert (
        client.post(
            reverse("volunteers_admin:transition", args=[mentor.pk]), {"status": "active"}
        ).status_code
        == 302
    )
    mentor.refresh_from_db()
    assert mentor.status == Status.ENDED


def test_an_active_mentor_erased_is_offered_to_nobody(client, world):
    mentor = ActiveMentorFactory()
    mentor.erase(by=world["moderator"])
    client.force_login(world["moderator"])
    page = client.get(reverse("mentor_requests_admin:inspect", args=[world["waiting"].pk])).content.decode()
    assert f'data-candidate="{mentor.pk}"' not in page
