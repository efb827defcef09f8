"""Every private URL of record guidance (the Wagtail admin's guidance, example rules and
jurisdictions, their add, edit, delete and translate pages) for every role, in one table, in the
style of tests/test_permission_matrix.py:

    login  redirect to a log-in page (nobody is logged in, or the admin asks its own log-in)
    deny   403 or 404, or a redirect away that shows nothing (to the admin home)
    ok     served (200, 400 for a form with errors, or a redirect after an action)

The public pages (job pages, the self-check) are for everyone and are tested where they are built.
"""

import pytest
from django.contrib.auth.models import Group
from django.db import transaction

from tests.employers.factories import VerifiedUserFactory, owner_of
from tests.partners.factories import CoordinatorFactory
from tests.portal.factories import with_totp
from tests.record_guidance.factories import JurisdictionFactory, RecordGuidanceFactory, SpentRuleFactory
from tests.test_permission_matrix import outcome

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
EXPECTED = {
    audience.strip(): cells.split()
    for audience, cells in (line.split("|") for line in EXPECTED_TABLE.strip().splitlines()[1:])
}

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


def staff(group, email):
    user = VerifiedUserFactory(email=email)
    user.groups.add(Group.objects.get(name=group))
    return with_totp(user)


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
        "superuser": with_totp(
            VerifiedUserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
        ),
    }
    objects = {"guidance": guidance.pk, "rule": rule.pk, "jurisdiction": jurisdiction.pk}
    return people, objects


def test_the_table_is_complete():
    assert all(len(row) == len(ROLES) for row in EXPECTED.values())
    assert {audience for _, _, audience in URLS} == set(EXPECTED)


@pytest.mark.parametrize("role", ROLES)
def test_record_guidance_permission_matrix(client, world, role):
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
    from record_guidance.models import SpentRule

    assert SpentRule.objects.get(band="over_4_years").never_spent
