"""Every URL of surveys for every role, in one table, in the style of
tests/test_permission_matrix.py:

    login  redirect to a log-in page (nobody is logged in, or the admin asks its own log-in)
    deny   403 or 404
    ok     served (200, 400 for a form with errors, or a redirect after an action)

The public side takes no account at all; the admin side is for campaign staff. No page served to
anyone shows a single response: only counts.
"""

import pytest

from tests.employers.factories import VerifiedUserFactory, owner_of
from tests.matrix import assert_role_matrix, assert_table_complete, read_table, staff, superuser
from tests.surveys.factories import SurveyWaveFactory, answer_all

ROLES = ["anonymous", "plain user", "employer", "editor", "moderator", "superuser"]

EXPECTED_TABLE = """
audience      | anon  plain empl  edit  moder super
public        | ok    ok    ok    ok    ok    ok
survey staff  | login login login ok    ok    ok
"""
EXPECTED = read_table(EXPECTED_TABLE)

TURNED_AWAY = ("/admin/",)

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


@pytest.fixture
def world(db, home):
    wave = SurveyWaveFactory(slug="open-wave", survey__slug="acceptance")
    answer_all(wave, agree=3, disagree=2)
    owner, _ = owner_of(email="owner@harbour.example.org")
    people = {
        "anonymous": None,
        "plain user": VerifiedUserFactory(email="plain@example.org"),
        "employer": owner,
        "editor": staff("Campaign editors", "editor@example.org"),
        "moderator": staff("Campaign moderators", "moderator@example.org"),
        "superuser": superuser(),
    }
    return people, {"wave": wave.slug, "survey": wave.survey.slug, "survey_id": wave.survey.pk}


def test_the_table_is_complete():
    assert_table_complete(ROLES, EXPECTED, URLS)


@pytest.mark.parametrize("role", ROLES)
def test_survey_permission_matrix(client, world, role):
    people, objects = world
    assert_role_matrix(
        client,
        role,
        people=people,
        roles=ROLES,
        urls=URLS,
        expected=EXPECTED,
        address=lambda template: template.format(**objects),
        turned_away=TURNED_AWAY,
    )
