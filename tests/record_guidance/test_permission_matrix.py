"""Every private URL of record guidance (the Wagtail admin's guidance, example rules and
jurisdictions, their add, edit, delete and translate pages) for every role, in one table, in the
style of tests/test_permission_matrix.py:

    login  redirect to a log-in page (nobody is logged in, or the admin asks its own log-in)
    deny   403 or 404, or a redirect away that shows nothing (to the admin home)
    ok     served (200, 400 for a form with errors, or a redirect after an action)

The public pages (job pages, the self-check) are for everyone and are tested where they are built.
"""

import pytest

from record_guidance.models import SpentRule
from tests.employers.factories import VerifiedUserFactory, owner_of
from tests.matrix import assert_role_matrix, assert_table_complete, read_table, staff, superuser
from tests.partners.factories import CoordinatorFactory
from tests.record_guidance.factories import JurisdictionFactory, RecordGuidanceFactory, SpentRuleFactory

ROLES = [
    "anonymous",
    "plain user",
    "employer owner",
    "partner coordinator",
    "editor",
    "moderator",
    "superuser",
]

EXPECTED_TABLE = """
audience   | anon  plain owner coord edit  moder super
readers    | login login login login ok    ok    ok
keepers    | login login login login deny  ok    ok
"""
EXPECTED = read_table(EXPECTED_TABLE)
TURNED_AWAY = ("/admin/",)

BASE = "/admin/snippets/record_guidance"
URLS = [
    (f"{BASE}/recordguidance/", "get", "readers"),
    (f"{BASE}/recordguidance/inspect/{{guidance}}/", "get", "readers"),
    (f"{BASE}/recordguidance/add/", "get", "keepers"),
    (f"{BASE}/recordguidance/add/", "post", "keepers"),
    (f"{BASE}/recordguidance/edit/{{guidance}}/", "get", "keepers"),
    (f"{BASE}/recordguidance/edit/{{guidance}}/", "post", "keepers"),
    (f"{BASE}/recordguidance/delete/{{guidance}}/", "get", "keepers"),
    (f"{BASE}/spentrule/", "get", "readers"),
    (f"{BASE}/spentrule/add/", "get", "keepers"),
    (f"{BASE}/spentrule/add/", "post", "keepers"),
    (f"{BASE}/spentrule/edit/{{rule}}/", "get", "keepers"),
    (f"{BASE}/spentrule/delete/{{rule}}/", "post", "keepers"),
    (f"{BASE}/jurisdiction/", "get", "readers"),
    (f"{BASE}/jurisdiction/add/", "get", "keepers"),
    (f"{BASE}/jurisdiction/edit/{{jurisdiction}}/", "get", "keepers"),
]


@pytest.fixture
def world(db, home):
    jurisdiction = JurisdictionFactory(name="England and Wales")
    guidance = RecordGuidanceFactory(jurisdiction=jurisdiction)
    rule = SpentRuleFactory(jurisdiction=jurisdiction)
    people = {
        "anonymous": None,
        "plain user": VerifiedUserFactory(email="plain@example.org"),
        "employer owner": owner_of(email="owner@example.org")[0],
        "partner coordinator": CoordinatorFactory(user__email="coord@example.org").user,
        "editor": staff("Campaign editors", "editor@example.org"),
        "moderator": staff("Campaign moderators", "moderator@example.org"),
        "superuser": superuser(),
    }
    objects = {"guidance": guidance.pk, "rule": rule.pk, "jurisdiction": jurisdiction.pk}
    return people, objects


def test_the_table_is_complete():
    assert_table_complete(ROLES, EXPECTED, URLS)


@pytest.mark.parametrize("role", ROLES)
def test_record_guidance_permission_matrix(client, world, role):
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


def test_a_moderator_adds_an_example_rule_through_the_admin(client, world):
    people, objects = world
    client.force_login(people["moderator"])
    data = {
        "jurisdiction": objects["jurisdiction"],
        "band": "over_4_years",
        "rehabilitation_years": "",
        "note": "Never spent.",
        "source_title": "Example",
        "source_url": "https://example.org/rules",
        "is_example": "on",
    }
    response = client.post(f"{BASE}/spentrule/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert SpentRule.objects.get(band="over_4_years").never_spent
