"""Every private URL (employer area, partner area, Wagtail admin) for every role, in one table.

Each cell is requested for real and must give the outcome written in EXPECTED below:

    login  redirect to a log-in page (nobody is logged in)
    deny   403 or 404, or a redirect away that shows nothing (the person may not see this)
    ok     the page or action is served (200, 400 for a form with errors, or a redirect after an
           action that is not a redirect to a log-in page)

Whatever the outcome, a page served to someone outside an organisation carries none of that
organisation's data (OTHER_ORGANISATION_DATA). Each request runs in a savepoint that is rolled
back, so an action in one cell (leave, withdraw, remove) does not change the world of the next.
"""

import datetime

import pytest

from employers.models import Invitation
from incentives.models import SavedIncentiveResult
from matching.models import Hire, Introduction
from tests.employers.factories import (
    DraftJobFactory,
    HiringPledgeFactory,
    JobListingFactory,
    RecruiterFactory,
    VerifiedUserFactory,
    owner_of,
)
from tests.matrix import assert_role_matrix, assert_table_complete, read_table, staff, superuser
from tests.partners.factories import (
    CoordinatorFactory,
    GraduateFactory,
    ProgrammeProviderFactory,
    ProviderStaffFactory,
    personal_markers,
)
from tests.portal.factories import UserFactory

# Private to the employer: a draft listing's title and a pending invitation's address.
DRAFT_JOB_TITLE = "Zephyr Crane Operator"
INVITED_EMAIL = "next-hire@harbour.example.org"

ROLES = [
    "anonymous",
    "unverified user",
    "verified user without organisation",
    "employer recruiter",
    "employer owner",
    "member of another employer",
    "partner case worker",
    "partner coordinator",
    "staff of another provider",
    "editor",
    "moderator",
    "superuser",
]


@pytest.fixture
def world(db, home):
    owner, employer = owner_of(email="owner@harbour.example.org")
    recruiter = RecruiterFactory(employer=employer, user__email="recruiter@harbour.example.org")
    other_owner, _ = owner_of(email="owner@elsewhere.example.org")
    HiringPledgeFactory(employer=employer)
    job = JobListingFactory(employer=employer)
    DraftJobFactory(employer=employer, title=DRAFT_JOB_TITLE)
    invitation = Invitation.objects.create(employer=employer, email=INVITED_EMAIL, invited_by=owner)
    saved = SavedIncentiveResult.objects.create(employer=employer, answers={}, results=[])

    provider = ProgrammeProviderFactory(name="Fresh Start Futures")
    case_worker = ProviderStaffFactory(provider=provider, user__email="case@fresh.example.org").user
    coordinator = CoordinatorFactory(provider=provider, user__email="coordinator@fresh.example.org").user
    other_staff = CoordinatorFactory(user__email="coordinator@elsewhere.example.org").user
    graduate = GraduateFactory(provider=provider)
    introduction = Introduction.objects.create(job=job, graduate=graduate, requested_by=owner, message="Hi")
    accepted = Introduction.objects.create(
        job=job,
        graduate=GraduateFactory(provider=provider),
        requested_by=owner,
        status=Introduction.Status.ACCEPTED,
        answered_at=datetime.datetime.now(datetime.UTC),
    )
    hire = Hire.objects.create(
        graduate=GraduateFactory(provider=provider),
        job=job,
        employer=employer,
        start_date=datetime.date.today() - datetime.timedelta(days=30),
        recorded_by=coordinator,
    )

    unverified = UserFactory(email="unverified@example.org")
    # Campaign staff log in like everyone else, with a verified address (as the demo logins do).
    people = {
        "anonymous": None,
        "unverified user": unverified,
        "verified user without organisation": VerifiedUserFactory(email="nobody@example.org"),
        "employer recruiter": recruiter.user,
        "employer owner": owner,
        "member of another employer": other_owner,
        "partner case worker": case_worker,
        "partner coordinator": coordinator,
        "staff of another provider": other_staff,
        "editor": staff("Campaign editors", "editor@example.org"),
        "moderator": staff("Campaign moderators", "moderator@example.org"),
        "superuser": superuser(),
    }
    objects = {
        "employer": employer,
        "job": job,
        "invitation": invitation,
        "recruiter_membership": recruiter,
        "saved": saved,
        "provider": provider,
        "graduate": graduate,
        "introduction": introduction,
        "accepted": accepted,
        "hire": hire,
        "root_page": home,
    }
    private = {
        "employer": [DRAFT_JOB_TITLE, INVITED_EMAIL],
        "graduates": personal_markers(graduate) + personal_markers(hire.graduate),
    }
    return people, objects, private


# Who may see what: one row per audience (the third field of each URL), one column per role.
#   employer area home: anyone with a verified address may open it and register an organisation
#   employer member/owner: pages of the organisation one acts for (another employer's sees its own)
#   employer object: one of this organisation's listings, members, results: its own people only
#   partner staff: pages of the provider one works for (another provider's staff see their own)
#   partner object: one of this provider's graduates or introductions: its own staff only
#   partner coordinator object: erasing one of this provider's graduates: its coordinators only
#   campaign staff, moderators, superuser: the Wagtail admin sends anyone without access to log in
EXPECTED_TABLE = """
audience              | anon  unver no-org recr  owner oth-e case  coord oth-p edit  moder super
employer area home    | login deny  ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
employer member       | login deny  deny  ok    ok    ok    deny  deny  deny  deny  deny  deny
employer owner        | login deny  deny  deny  ok    ok    deny  deny  deny  deny  deny  deny
employer object       | login deny  deny  ok    ok    deny  deny  deny  deny  deny  deny  deny
employer owner object | login deny  deny  deny  ok    deny  deny  deny  deny  deny  deny  deny
partner staff         | login deny  deny  deny  deny  deny  ok    ok    ok    deny  deny  deny
partner object        | login deny  deny  deny  deny  deny  ok    ok    deny  deny  deny  deny
partner coordinator object | login deny  deny  deny  deny  deny  deny  ok    deny  deny  deny  deny
campaign staff        | login login login login login login login login login ok    ok    ok
moderators            | login login login login login login login login login deny  ok    ok
superuser             | login login login login login login login login login deny  deny  ok
"""
EXPECTED = read_table(EXPECTED_TABLE)
# Who may see each kind of private data on any page at all.
MAY_SEE = {
    "employer": {"employer recruiter", "employer owner", "editor", "moderator", "superuser"},
    "graduates": {"partner case worker", "partner coordinator"},
}

# (address, method, audience)
URLS = [
    # employer area
    ("/employer/", "get", "employer area home"),
    ("/employer/register/", "get", "employer area home"),
    ("/employer/organisation/", "get", "employer owner"),
    ("/employer/members/", "get", "employer member"),
    ("/employer/members/invite/", "post", "employer owner"),
    ("/employer/pledge/", "get", "employer member"),
    ("/employer/pledge/sign/", "get", "employer owner"),
    ("/employer/pledge/progress/", "get", "employer owner"),
    ("/employer/pledge/withdraw/", "post", "employer owner"),
    ("/employer/jobs/", "get", "employer member"),
    ("/employer/jobs/new/", "get", "employer member"),
    ("/employer/jobs/{job}/", "get", "employer object"),
    ("/employer/jobs/{job}/edit/", "get", "employer object"),
    ("/employer/jobs/{job}/preview/", "get", "employer object"),
    ("/employer/jobs/{job}/matches/", "get", "employer object"),
    ("/employer/jobs/{job}/submit/", "post", "employer object"),
    ("/employer/jobs/{job}/close/", "post", "employer object"),
    ("/employer/jobs/{job}/renew/", "post", "employer object"),
    ("/employer/jobs/{job}/matches/{graduate}/introduce/", "post", "employer object"),
    ("/employer/jobs/{job}/introductions/{accepted}/hire/", "get", "employer object"),
    ("/employer/jobs/{job}/introductions/{accepted}/hire/", "post", "employer object"),
    ("/employer/incentives/", "get", "employer member"),
    ("/employer/incentives/save/", "post", "employer member"),
    ("/employer/incentives/{saved}/", "get", "employer object"),
    ("/employer/incentives/{saved}/attach/", "post", "employer object"),
    ("/employer/members/{membership}/make-owner/", "post", "employer owner object"),
    ("/employer/members/{membership}/remove/", "post", "employer owner object"),
    ("/employer/invitations/{invitation}/cancel/", "post", "employer owner object"),
    ("/employer/members/leave/", "post", "employer member"),
    # partner area
    ("/partner/", "get", "partner staff"),
    ("/partner/graduates/", "get", "partner staff"),
    ("/partner/graduates/new/", "get", "partner staff"),
    ("/partner/graduates/{graduate}/", "get", "partner object"),
    ("/partner/graduates/{graduate}/edit/", "get", "partner object"),
    ("/partner/graduates/{graduate}/export/", "get", "partner object"),
    ("/partner/graduates/{graduate}/erase/", "post", "partner coordinator object"),
    ("/partner/graduates/{graduate}/consent/", "post", "partner object"),
    ("/partner/graduates/{graduate}/consent/withdraw/", "post", "partner object"),
    ("/partner/graduates/{graduate}/suggest/{job}/", "post", "partner object"),
    ("/partner/graduates/{graduate}/hire/", "get", "partner object"),
    ("/partner/introductions/{introduction}/", "get", "partner object"),
    ("/partner/introductions/{accepted}/hire/", "get", "partner object"),
    ("/partner/introductions/{accepted}/hire/", "post", "partner object"),
    ("/partner/graduates/{graduate}/trail/", "get", "partner coordinator object"),
    # Wagtail admin
    ("/admin/", "get", "campaign staff"),
    ("/admin/pages/", "get", "campaign staff"),
    ("/admin/pages/{root_page}/", "get", "campaign staff"),
    ("/admin/pages/{root_page}/edit/", "get", "campaign staff"),
    # Editors reach their two story snippets from the Stories menu; the index lists none for them.
    ("/admin/snippets/", "get", "moderators"),
    ("/admin/snippets/stories/storyconsent/", "get", "campaign staff"),
    ("/admin/employers/", "get", "campaign staff"),
    ("/admin/employers/inspect/{employer}/", "get", "campaign staff"),
    ("/admin/hiring-pledges/", "get", "moderators"),
    ("/admin/jobs/", "get", "campaign staff"),
    ("/admin/jobs/inspect/{job}/", "get", "campaign staff"),
    ("/admin/job-reports/", "get", "moderators"),
    ("/admin/programme-providers/", "get", "moderators"),
    ("/admin/programme-providers/inspect/{provider}/", "get", "moderators"),
    ("/admin/introductions/", "get", "moderators"),
    ("/admin/introductions/inspect/{introduction}/", "get", "moderators"),
    ("/admin/hires/", "get", "moderators"),
    ("/admin/hires/inspect/{hire}/", "get", "moderators"),
    # The audit log of personal data: view_personaldataaccess, held by no group by default.
    ("/admin/audit-log/", "get", "superuser"),
    ("/admin/audit-log/?export=csv", "get", "superuser"),
    ("/admin/images/", "get", "campaign staff"),
    ("/admin/documents/", "get", "campaign staff"),
    ("/admin/users/", "get", "superuser"),
    ("/admin/groups/", "get", "superuser"),
    ("/admin/sites/", "get", "superuser"),
]

# Redirects that turn someone away without showing anything: to registering an organisation
# (the employer area, for someone acting for none) and to the admin's home (Wagtail's refusal).
TURNED_AWAY = ("/employer/register/", "/admin/")


def address(template, objects):
    return template.format(
        job=objects["job"].pk,
        graduate=objects["graduate"].reference,
        saved=objects["saved"].pk,
        membership=objects["recruiter_membership"].pk,
        invitation=objects["invitation"].pk,
        introduction=objects["introduction"].pk,
        accepted=objects["accepted"].pk,
        employer=objects["employer"].pk,
        provider=objects["provider"].pk,
        hire=objects["hire"].pk,
        root_page=objects["root_page"].pk,
    )


def test_the_table_is_complete():
    assert_table_complete(ROLES, EXPECTED, URLS)


@pytest.fixture(scope="module", autouse=True)
def report_size(request):
    yield
    size = f"permission matrix: {len(URLS)} URLs x {len(ROLES)} roles = {len(URLS) * len(ROLES)} checks"
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter is None or capture is None:
        print(size)
        return
    with capture.global_and_fixture_disabled():  # shown even though output is captured
        reporter.ensure_newline()
        reporter.write_line(size)


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, world, role):
    people, objects, private = world
    assert_role_matrix(
        client,
        role,
        people=people,
        roles=ROLES,
        urls=URLS,
        expected=EXPECTED,
        address=lambda template: address(template, objects),
        turned_away=TURNED_AWAY,
        private=private,
        may_see=MAY_SEE,
    )
