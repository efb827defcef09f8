"""Every private URL of the awards (the employer's and the provider's nominations, the Wagtail
admin's rounds, judging, score sheets and actions) for every role, in one table, in the style of
tests/test_permission_matrix.py:

    login  redirect to a log-in page (nobody is logged in, or the admin asks its own log-in)
    deny   403 or 404, or a redirect away that shows nothing (to registration, to the admin home)
    ok     served (200, 400 for a form with errors, or a redirect after an action)

A provider's statement is for its own staff and the panel; a panellist's reasons are their own
while judging: no page served here to anyone else carries them.
"""

import pytest

from awards.models import Category, Nomination
from tests.awards.factories import AwardRoundFactory, NominationFactory, category, score_all
from tests.employers.factories import RecruiterFactory, VerifiedUserFactory, owner_of
from tests.matrix import assert_role_matrix, assert_table_complete, read_table, staff, superuser
from tests.partners.factories import CoordinatorFactory, ProgrammeProviderFactory

ROLES = [
    "anonymous",
    "plain user",
    "owner of the nominated employer",
    "recruiter of the nominated employer",
    "owner of another employer",
    "coordinator of the nominating provider",
    "coordinator of another provider",
    "editor",
    "panellist",
    "moderator",
    "superuser",
]

EXPECTED_TABLE = """
audience          | anon  plain owner recr  oown  coord ocoord edit  panel moder super
employer area     | login deny  ok    ok    ok    deny  deny   deny  deny  deny  deny
employer owners   | login deny  ok    deny  ok    deny  deny   deny  deny  deny  deny
employer object   | login deny  ok    ok    deny  deny  deny   deny  deny  deny  deny
partner staff     | login deny  deny  deny  deny  ok    ok     deny  deny  deny  deny
partner object    | login deny  deny  deny  deny  ok    deny   deny  deny  deny  deny
judges            | login login login login login login login  deny  ok    ok    ok
managers          | login login login login login login login  deny  deny  ok    ok
panel             | login login login login login login login  deny  ok    deny  deny
"""
EXPECTED = read_table(EXPECTED_TABLE)
MAY_SEE = {
    "provider statement": {"coordinator of the nominating provider"},
    "another panellist's reasons": set(),
}

TURNED_AWAY = ("/employer/register/", "/admin/")

URLS = [
    ("/employer/awards/", "get", "employer area"),
    ("/employer/awards/nominate/", "get", "employer owners"),
    ("/employer/awards/nominate/", "post", "employer owners"),
    ("/employer/awards/nominations/{employer_nomination}/", "get", "employer object"),
    ("/employer/awards/nominations/{provider_nomination}/", "get", "employer object"),
    ("/partner/awards/", "get", "partner staff"),
    ("/partner/awards/nominate/", "get", "partner staff"),
    ("/partner/awards/nominate/", "post", "partner staff"),
    ("/partner/awards/nominations/{provider_nomination}/", "get", "partner object"),
    ("/admin/awards/", "get", "judges"),
    ("/admin/awards/judging/{judged_round}/", "get", "judges"),
    ("/admin/awards/judging/{judged_round}/", "post", "managers"),
    ("/admin/awards/nominate/", "get", "managers"),
    ("/admin/awards/nominate/", "post", "managers"),
    ("/admin/awards/rounds/", "get", "managers"),
    ("/admin/awards/rounds/edit/{judged_round}/", "get", "managers"),
    ("/admin/awards/nominations/{judged}/score/", "get", "panel"),
    ("/admin/awards/nominations/{judged}/score/", "post", "panel"),
    ("/admin/awards/nominations/{judged}/winner/", "post", "managers"),
]


@pytest.fixture
def world(db, home):
    owner, employer = owner_of(email="owner@harbour.example.org", employer=None)
    recruiter = RecruiterFactory(
        employer=employer, user=VerifiedUserFactory(email="recruiter@harbour.example.org")
    )
    provider = ProgrammeProviderFactory(name="Fresh Start Futures")
    coordinator = CoordinatorFactory(provider=provider, user__email="coord@fresh.example.org").user
    panellist = staff("Campaign editors", "panellist@example.org")
    open_round = AwardRoundFactory()
    employer_nomination = NominationFactory(
        category=category(open_round, Category.Kind.RETENTION),
        employer=employer,
        nominated_by=Nomination.NominatedBy.EMPLOYER,
    )
    provider_nomination = NominationFactory(
        category=category(open_round, Category.Kind.MOST_IMPROVED),
        employer=employer,
        nominated_by=Nomination.NominatedBy.PROVIDER,
        provider=provider,
        statement="PROVIDERSTATEMENT kept three graduates on.",
    )
    other_panellist = VerifiedUserFactory(email="other.panellist@example.org", is_staff=True)
    judged_round = AwardRoundFactory(panel=[panellist, other_panellist])
    judged = NominationFactory(
        category=category(judged_round, Category.Kind.MOST_IMPROVED), employer=employer
    )
    judged_round.start_judging()
    score_all(judged, other_panellist, reason="OTHERPANELREASON strong evidence")
    people = {
        "anonymous": None,
        "plain user": VerifiedUserFactory(email="plain@example.org"),
        "owner of the nominated employer": owner,
        "recruiter of the nominated employer": recruiter.user,
        "owner of another employer": owner_of(email="owner@elsewhere.example.org")[0],
        "coordinator of the nominating provider": coordinator,
        "coordinator of another provider": CoordinatorFactory(user__email="coord@elsewhere.example.org").user,
        "editor": staff("Campaign editors", "editor@example.org"),
        "panellist": panellist,
        "moderator": staff("Campaign moderators", "moderator@example.org"),
        "superuser": superuser(),
    }
    objects = {
        "employer_nomination": employer_nomination.pk,
        "provider_nomination": provider_nomination.pk,
        "judged_round": judged_round.pk,
        "judged": judged.pk,
    }
    private = {
        "provider statement": ["PROVIDERSTATEMENT"],
        "another panellist's reasons": ["OTHERPANELREASON"],
    }
    return people, objects, private


def test_the_table_is_complete():
    assert_table_complete(ROLES, EXPECTED, URLS)


@pytest.mark.parametrize("role", ROLES)
def test_awards_permission_matrix(client, world, role):
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
