"""Every private URL of the seekers app (the seeker area, job seekers in the employer area and in
the partner area) for every role, in one table, in the style of tests/test_permission_matrix.py:

    login  redirect to a log-in page
    deny   403 or 404, or a redirect away that shows nothing (to making a profile, to registering
           an organisation)
    ok     served (200, 400 for a form with errors, or a redirect after an action)

A page served to someone without a ground to see the seeker's profile carries none of it.
"""

import pytest

from tests.employers.factories import JobListingFactory, OwnerFactory, SkillFactory, VerifiedUserFactory
from tests.matrix import assert_role_matrix, assert_table_complete, read_table, superuser
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

ROLES = [
    "anonymous",
    "plain user",
    "seeker",
    "other seeker",
    "employer introduced",
    "other employer",
    "coordinator of the linked provider",
    "case worker of the linked provider",
    "coordinator of another provider",
    "superuser",
]

EXPECTED_TABLE = """
audience            | anon  plain seek  oseek emp   oemp  coord case  ocoord super
any account         | login ok    ok    ok    ok    ok    ok    ok    ok     ok
seeker area         | login deny  ok    ok    deny  deny  deny  deny  deny   deny
seeker object       | login deny  ok    deny  deny  deny  deny  deny  deny   deny
employer object     | login deny  deny  deny  ok    deny  deny  deny  deny   deny
employer CV         | login deny  deny  deny  deny  deny  deny  deny  deny   deny
partner staff       | login deny  deny  deny  deny  deny  ok    ok    ok     deny
partner coordinator | login deny  deny  deny  deny  deny  ok    deny  deny   deny
partner object      | login deny  deny  deny  deny  deny  ok    ok    deny   deny
"""
EXPECTED = read_table(EXPECTED_TABLE)
MAY_SEE = {
    "seeker",
    "employer introduced",
    "coordinator of the linked provider",
    "case worker of the linked provider",
}

URLS = [
    ("/seeker/start/", "get", "any account"),
    ("/seeker/", "get", "seeker area"),
    ("/seeker/profile/", "get", "seeker area"),
    ("/seeker/profile/", "post", "seeker area"),
    ("/seeker/work-history/", "get", "seeker area"),
    ("/seeker/work-history/", "post", "seeker area"),
    ("/seeker/cv/", "get", "seeker area"),
    ("/seeker/cv/", "post", "seeker area"),
    ("/seeker/cv/download/", "get", "seeker area"),
    ("/seeker/cv/delete/", "post", "seeker area"),
    ("/seeker/jobs/", "get", "seeker area"),
    ("/seeker/introductions/", "get", "seeker area"),
    ("/seeker/providers/", "get", "seeker area"),
    ("/seeker/providers/", "post", "seeker area"),
    ("/seeker/work-history/{entry}/delete/", "post", "seeker object"),
    ("/seeker/introductions/{waiting}/answer/", "post", "seeker object"),
    ("/seeker/providers/{link}/end/", "post", "seeker object"),
    ("/employer/jobs/{job}/seekers/", "get", "employer object"),
    ("/employer/jobs/{job}/seekers/{seeker}/introduce/", "post", "employer object"),
    ("/employer/seekers/{seeker}/", "get", "employer object"),
    # The CV goes only with an application (tests/applications' matrix), never on an introduction.
    ("/employer/seekers/{seeker}/cv/", "get", "employer CV"),
    ("/partner/seekers/", "get", "partner staff"),
    ("/partner/seekers/links/{waiting_link}/answer/", "post", "partner coordinator"),
    ("/partner/seekers/{seeker}/", "get", "partner object"),
    ("/partner/seekers/{seeker}/cv/", "get", "partner object"),
]
TURNED_AWAY = ("/seeker/start/", "/employer/register/")


@pytest.fixture
def world(db, home):
    cooking = SkillFactory(name="Cooking")
    provider = ProgrammeProviderFactory(name="Fresh Start Futures")
    coordinator = CoordinatorFactory(provider=provider, user__email="coord@fresh.example.org").user
    case_worker = ProviderStaffFactory(provider=provider, user__email="case@fresh.example.org").user
    seeker = with_cv(FindableSeekerFactory(skills=[cooking]))
    other = with_cv(JobSeekerFactory())
    job = JobListingFactory(skills=[cooking])
    owner = OwnerFactory(employer=job.employer, user__email="owner@kitchen.example.org").user
    AcceptedIntroductionFactory(job=job, seeker=seeker, requested_by=owner)
    link = ConfirmedLinkFactory(seeker=seeker, provider=provider)
    people = {
        "anonymous": None,
        "plain user": VerifiedUserFactory(email="plain@example.org"),
        "seeker": seeker.user,
        "other seeker": other.user,
        "employer introduced": owner,
        "other employer": OwnerFactory(user__email="owner@elsewhere.example.org").user,
        "coordinator of the linked provider": coordinator,
        "case worker of the linked provider": case_worker,
        "coordinator of another provider": CoordinatorFactory(user__email="coord@elsewhere.example.org").user,
        "superuser": superuser(),
    }
    objects = {
        "entry": seeker.work_history.get().pk,
        "waiting": SeekerIntroductionFactory(seeker=seeker, job=JobListingFactory(skills=[cooking])).pk,
        "link": link.pk,
        "job": job.pk,
        "seeker": seeker.reference,
        "waiting_link": ProviderLinkFactory(provider=provider).pk,
    }
    return people, objects, seeker_markers(seeker)


def test_the_table_is_complete():
    assert_table_complete(ROLES, EXPECTED, URLS)


@pytest.mark.parametrize("role", ROLES)
def test_seeker_permission_matrix(client, world, role):
    people, objects, markers = world
    assert_role_matrix(
        client,
        role,
        people=people,
        roles=ROLES,
        urls=URLS,
        expected=EXPECTED,
        address=lambda template: template.format(**objects),
        turned_away=TURNED_AWAY,
        private={"seeker": markers},
        may_see={"seeker": MAY_SEE},
    )
