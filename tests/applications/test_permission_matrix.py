"""Every private URL of the applications app (the seeker's applications, the employer's inbox and
its steps, the partner area's list) for every role, in one table, in the style of
tests/test_permission_matrix.py and tests/seekers/test_permission_matrix.py:

    login  redirect to a log-in page
    deny   403 or 404, or a redirect away that shows nothing (to making a profile, to registering
           an organisation)
    ok     served (200, 400 for a form with errors, or a redirect after an action)

A page served to anyone but the seeker and the employer applied to carries nothing the seeker sent.
"""

import pytest

from tests.applications.factories import ApplicationFactory, application_markers, at_stage
from tests.employers.factories import JobListingFactory, OwnerFactory, RecruiterFactory, VerifiedUserFactory
from tests.matrix import assert_role_matrix, assert_table_complete, read_table, superuser
from tests.partners.factories import CoordinatorFactory, ProgrammeProviderFactory, ProviderStaffFactory
from tests.seekers.factories import ConfirmedLinkFactory, JobSeekerFactory, with_cv

ROLES = [
    "anonymous",
    "plain user",
    "seeker",
    "other seeker",
    "employer applied to",
    "recruiter applied to",
    "other employer",
    "coordinator of the linked provider",
    "case worker of the linked provider",
    "coordinator of another provider",
    "superuser",
]

EXPECTED_TABLE = """
audience         | anon  plain seek  oseek emp   rec   oemp  coord case  ocoord super
seeker area      | login deny  ok    ok    deny  deny  deny  deny  deny  deny   deny
seeker object    | login deny  ok    deny  deny  deny  deny  deny  deny  deny   deny
employer object  | login deny  deny  deny  ok    ok    deny  deny  deny  deny   deny
partner staff    | login deny  deny  deny  deny  deny  deny  ok    ok    ok     deny
"""
EXPECTED = read_table(EXPECTED_TABLE)
TURNED_AWAY = ("/seeker/start/", "/employer/register/")
MAY_SEE = {"seeker", "employer applied to", "recruiter applied to"}

APPLICATION = "/employer/jobs/{job}/applications/{application}/"
URLS = [
    ("/seeker/applications/", "get", "seeker area"),
    ("/seeker/applications/apply/{open_job}/", "get", "seeker area"),
    ("/seeker/applications/apply/{open_job}/", "post", "seeker area"),
    ("/seeker/applications/{application}/", "get", "seeker object"),
    ("/seeker/applications/{application}/withdraw/", "post", "seeker object"),
    ("/employer/jobs/{job}/applications/", "get", "employer object"),
    (APPLICATION, "get", "employer object"),
    # The seekers app's own CV address opens to the organisation applied to with the CV.
    ("/employer/seekers/{seeker}/cv/", "get", "employer object"),
    (APPLICATION + "cv/", "get", "employer object"),
    (APPLICATION + "shortlist/", "post", "employer object"),
    (APPLICATION + "invite/", "post", "employer object"),
    (APPLICATION + "offer/", "post", "employer object"),
    (APPLICATION + "not-this-time/", "post", "employer object"),
    (APPLICATION + "hire/", "get", "employer object"),
    (APPLICATION + "hire/", "post", "employer object"),
    ("/partner/seeker-applications/", "get", "partner staff"),
]


@pytest.fixture
def world(db, home):
    provider = ProgrammeProviderFactory(name="Fresh Start Futures")
    coordinator = CoordinatorFactory(provider=provider, user__email="coord@fresh.example.org").user
    case_worker = ProviderStaffFactory(provider=provider, user__email="case@fresh.example.org").user
    seeker = with_cv(JobSeekerFactory())
    job = JobListingFactory(title="Line Cook")
    owner = OwnerFactory(employer=job.employer, user__email="owner@kitchen.example.org").user
    recruiter = RecruiterFactory(employer=job.employer, user__email="recruiter@kitchen.example.org").user
    application = at_stage(ApplicationFactory(job=job, seeker=seeker, shares_cv=True), "interview", by=owner)
    ConfirmedLinkFactory(seeker=seeker, provider=provider)
    people = {
        "anonymous": None,
        "plain user": VerifiedUserFactory(email="plain@example.org"),
        "seeker": seeker.user,
        "other seeker": with_cv(JobSeekerFactory()).user,
        "employer applied to": owner,
        "recruiter applied to": recruiter,
        "other employer": OwnerFactory(user__email="owner@elsewhere.example.org").user,
        "coordinator of the linked provider": coordinator,
        "case worker of the linked provider": case_worker,
        "coordinator of another provider": CoordinatorFactory(user__email="coord@elsewhere.example.org").user,
        "superuser": superuser(),
    }
    objects = {
        "job": job.pk,
        "application": application.pk,
        "open_job": JobListingFactory().pk,
        "seeker": seeker.reference,
    }
    return people, objects, application_markers(application)


def test_the_table_is_complete():
    assert_table_complete(ROLES, EXPECTED, URLS)


@pytest.mark.parametrize("role", ROLES)
def test_applications_permission_matrix(client, world, role):
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
        private={"application": markers},
        may_see={"application": MAY_SEE},
    )


@pytest.fixture(scope="module", autouse=True)
def report_size(request):
    yield
    print(f"permission matrix: {len(URLS)} URLs x {len(ROLES)} roles = {len(URLS) * len(ROLES)} checks")
