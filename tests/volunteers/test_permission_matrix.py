"""Every private URL of volunteering (the volunteer area, mentor requests in the partner area, the
Wagtail admin's volunteers and mentor requests) for every role, in one table, in the style of
tests/test_permission_matrix.py:

    login  redirect to a log-in page (nobody is logged in, or the admin asks its own log-in)
    deny   403 or 404, or a redirect away that shows nothing (to the application form)
    ok     served (200, 400 for a form with errors, or a redirect after an action)

A page served to someone not allowed to see a volunteer's data carries none of it.
"""

import pytest

from tests.employers.factories import VerifiedUserFactory, owner_of
from tests.matrix import assert_role_matrix, assert_table_complete, read_table, staff, superuser
from tests.partners.factories import CoordinatorFactory, ProgrammeProviderFactory, ProviderStaffFactory
from tests.volunteers.factories import (
    ActiveMentorFactory,
    MentoringSessionFactory,
    MentorRequestFactory,
    MentorshipFactory,
    VolunteerFactory,
)

ROLES = [
    "anonymous",
    "plain user",
    "volunteer",
    "other volunteer",
    "coordinator of the matched provider",
    "case worker of the matched provider",
    "coordinator of another provider",
    "employer",
    "editor",
    "moderator",
    "superuser",
]

EXPECTED_TABLE = """
audience           | anon  plain vol   ovol  coord case  ocoord empl  edit  moder super
volunteer area     | login deny  ok    ok    deny  deny  deny   deny  deny  deny  deny
volunteer object   | login deny  ok    deny  deny  deny  deny   deny  deny  deny  deny
partner staff      | login deny  deny  deny  ok    ok    ok     deny  deny  deny  deny
partner object     | login deny  deny  deny  ok    ok    deny   deny  deny  deny  deny
moderators         | login login login login login login login  login deny  ok    ok
"""
EXPECTED = read_table(EXPECTED_TABLE)
MAY_SEE = {
    # name and e-mail: the matched provider's coordinator too, after the match
    "contact": {"volunteer", "coordinator of the matched provider", "moderator", "superuser"},
    "private": {"volunteer", "moderator", "superuser"},
}

URLS = [
    ("/volunteer/area/", "get", "volunteer area"),
    ("/volunteer/area/availability/", "get", "volunteer area"),
    ("/volunteer/area/availability/", "post", "volunteer area"),
    ("/volunteer/area/matches/{mentorship}/", "get", "volunteer object"),
    ("/volunteer/area/matches/{mentorship}/sessions/", "post", "volunteer object"),
    ("/volunteer/area/matches/{mentorship}/end/", "post", "volunteer object"),
    ("/partner/mentors/", "get", "partner staff"),
    ("/partner/mentors/new/", "get", "partner staff"),
    ("/partner/mentors/new/", "post", "partner staff"),
    ("/partner/mentors/{request}/", "get", "partner object"),
    ("/admin/volunteers/", "get", "moderators"),
    ("/admin/volunteers/inspect/{volunteer}/", "get", "moderators"),
    ("/admin/volunteers/transition/{volunteer}/", "post", "moderators"),
    ("/admin/volunteers/request-reference/{volunteer}/", "post", "moderators"),
    ("/admin/volunteers/checklist/{volunteer}/", "post", "moderators"),
    ("/admin/volunteers/erase/{volunteer}/", "post", "moderators"),
    ("/admin/mentor-requests/", "get", "moderators"),
    ("/admin/mentor-requests/inspect/{open_request}/", "get", "moderators"),
    ("/admin/mentor-requests/match/{open_request}/", "post", "moderators"),
]
TURNED_AWAY = ("/volunteer/", "/admin/")


@pytest.fixture
def world(db, home):
    provider = ProgrammeProviderFactory(name="Fresh Start Futures")
    coordinator = CoordinatorFactory(provider=provider, user__email="coord@fresh.example.org").user
    case_worker = ProviderStaffFactory(provider=provider, user__email="case@fresh.example.org").user
    mentor = ActiveMentorFactory(user__email="mentor@example.org")
    mentorship = MentorshipFactory(volunteer=mentor, request__provider=provider)
    MentoringSessionFactory(mentorship=mentorship)
    other = ActiveMentorFactory(user__email="other.mentor@example.org")
    owner, _ = owner_of(email="owner@harbour.example.org")
    people = {
        "anonymous": None,
        "plain user": VerifiedUserFactory(email="plain@example.org"),
        "volunteer": mentor.user,
        "other volunteer": other.user,
        "coordinator of the matched provider": coordinator,
        "case worker of the matched provider": case_worker,
        "coordinator of another provider": CoordinatorFactory(user__email="coord@elsewhere.example.org").user,
        "employer": owner,
        "editor": staff("Campaign editors", "editor@example.org"),
        "moderator": staff("Campaign moderators", "moderator@example.org"),
        "superuser": superuser(),
    }
    objects = {
        "mentorship": mentorship.pk,
        "request": mentorship.request.pk,
        "open_request": MentorRequestFactory(provider=provider).pk,
        "volunteer": VolunteerFactory().pk,
    }
    private = {
        "contact": [mentor.full_name.split()[0], mentor.email],
        "private": [mentor.phone, mentor.motivation.split()[0], mentor.lived_experience.split()[0]]
        + [reference.text.split()[0] for reference in mentor.references.all()],
    }
    return people, objects, private


def test_the_table_is_complete():
    assert_table_complete(ROLES, EXPECTED, URLS)


@pytest.mark.parametrize("role", ROLES)
def test_volunteer_permission_matrix(client, world, role):
    people, objects, private = world
    assert_role_matrix(
        client,
        role,
        people=people,
        roles=ROLES,
        urls=URLS,
        expected=EXPECTED,
        address=lambda template: template.format(**objects),
        turned_away=TURNED_AWAY,
        private=private,
        may_see=MAY_SEE,
    )
