"""Every private URL of volunteering (the volunteer area, mentor requests in the partner area, the
Wagtail admin's volunteers and mentor requests) for every role, in one table, in the style of
tests/test_permission_matrix.py:

    login  redirect to a log-in page (nobody is logged in, or the admin asks its own log-in)
    deny   403 or 404, or a redirect away that shows nothing (to the application form)
    ok     served (200, 400 for a form with errors, or a redirect after an action)

A page served to someone not allowed to see a volunteer's data carries none of it.
"""

import pytest
from django.contrib.auth.models import Group
from django.db import transaction

from tests.employers.factories import VerifiedUserFactory, owner_of
from tests.partners.factories import CoordinatorFactory, ProgrammeProviderFactory, ProviderStaffFactory
from tests.portal.factories import with_totp
from tests.test_permission_matrix import outcome as base_outcome
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
EXPECTED = {
    audience.strip(): cells.split()
    for audience, cells in (line.split("|") for line in EXPECTED_TABLE.strip().splitlines()[1:])
}
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


def outcome(response):
    if response.status_code in (301, 302) and response["Location"].split("?")[0] in TURNED_AWAY:
        return "deny"
    return base_outcome(response)


def staff(group):
    user = VerifiedUserFactory(email=f"{group.split()[-1].lower()}@example.org")
    user.groups.add(Group.objects.get(name=group))
    return with_totp(user)


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
        "editor": staff("Campaign editors"),
        "moderator": staff("Campaign moderators"),
        "superuser": with_totp(
            VerifiedUserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
        ),
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
    assert all(len(row) == len(ROLES) for row in EXPECTED.values())
    assert {audience for _, _, audience in URLS} == set(EXPECTED)


@pytest.mark.parametrize("role", ROLES)
def test_volunteer_permission_matrix(client, world, role):
    people, objects, private = world
    if people[role] is not None:
        client.force_login(people[role])
    column = ROLES.index(role)
    wrong, leaks = [], []
    for template, method, audience in URLS:
        url = template.format(**objects)
        with transaction.atomic():
            response = getattr(client, method)(url, {})
            transaction.set_rollback(True)
        got, expected = outcome(response), EXPECTED[audience][column]
        if got != expected:
            wrong.append(f"{method.upper()} {url}: expected {expected}, got {got} ({response.status_code})")
        text = response.content.decode(errors="replace") if response.status_code < 300 else ""
        for kind, markers in private.items():
            if role not in MAY_SEE[kind]:
                leaks += [f"{url} shows {kind} data {marker!r}" for marker in markers if marker in text]
    assert not wrong, f"{role}:\n" + "\n".join(wrong)
    assert not leaks, f"{role}:\n" + "\n".join(leaks)
