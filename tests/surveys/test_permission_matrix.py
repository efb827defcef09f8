"""Every URL of surveys for every role, in one table, in the style of
tests/test_permission_matrix.py:

    login  redirect to a log-in page (nobody is logged in, or the admin asks its own log-in)
    deny   403 or 404
    ok     served (200, 400 for a form with errors, or a redirect after an action)

The public side takes no account at all; the admin side is for campaign staff. No page served to
anyone shows a single response: only counts.
"""

import pytest
from django.contrib.auth.models import Group
from django.db import transaction

from tests.employers.factories import VerifiedUserFactory, owner_of
from tests.portal.factories import with_totp
from tests.surveys.factories import SurveyWaveFactory, answer_all
from tests.test_permission_matrix import outcome

ROLES = ["anonymous", "plain user", "employer", "editor", "moderator", "superuser"]

EXPECTED_TABLE = """
audience      | anon  plain empl  edit  moder super
public        | ok    ok    ok    ok    ok    ok
survey staff  | login login login ok    ok    ok
"""
EXPECTED = {
    audience.strip(): cells.split()
    for audience, cells in (line.split("|") for line in EXPECTED_TABLE.strip().splitlines()[1:])
}

URLS = [
    ("/surveys/{wave}/", "get", "public"),
    ("/surveys/{wave}/", "post", "public"),
    ("/surveys/{wave}/thanks/", "get", "public"),
    ("/surveys/results/{survey}/", "get", "public"),
    ("/surveys/results/{survey}/results.csv", "get", "public"),
    ("/admin/snippets/surveys/survey/", "get", "survey staff"),
    ("/admin/snippets/surveys/survey/edit/{survey_id}/", "get", "survey staff"),
    ("/admin/snippets/surveys/surveywave/", "get", "survey staff"),
    ("/admin/snippets/surveys/surveywave/add/", "get", "survey staff"),
    ("/admin/surveys/standard/", "post", "survey staff"),
    ("/admin/surveys/{survey_id}/results/", "get", "survey staff"),
]


def staff(group):
    user = VerifiedUserFactory(email=f"{group.split()[-1].lower()}@example.org")
    user.groups.add(Group.objects.get(name=group))
    return with_totp(user)


@pytest.fixture
def world(db, home):
    wave = SurveyWaveFactory(slug="open-wave", survey__slug="acceptance")
    answer_all(wave, agree=3, disagree=2)
    owner, _ = owner_of(email="owner@harbour.example.org")
    people = {
        "anonymous": None,
        "plain user": VerifiedUserFactory(email="plain@example.org"),
        "employer": owner,
        "editor": staff("Campaign editors"),
        "moderator": staff("Campaign moderators"),
        "superuser": with_totp(
            VerifiedUserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
        ),
    }
    return people, {"wave": wave.slug, "survey": wave.survey.slug, "survey_id": wave.survey.pk}


def test_the_table_is_complete():
    assert all(len(row) == len(ROLES) for row in EXPECTED.values())
    assert {audience for _, _, audience in URLS} == set(EXPECTED)


@pytest.mark.parametrize("role", ROLES)
def test_survey_permission_matrix(client, world, role):
    people, objects = world
    if people[role] is not None:
        client.force_login(people[role])
    column = ROLES.index(role)
    wrong = []
    for template, method, audience in URLS:
        url = template.format(**objects)
        with transaction.atomic():
            response = getattr(client, method)(url, {})
            transaction.set_rollback(True)
        got, expected = outcome(response), EXPECTED[audience][column]
        if got != expected:
            wrong.append(f"{method.upper()} {url}: expected {expected}, got {got} ({response.status_code})")
    assert not wrong, f"{role}:\n" + "\n".join(wrong)
