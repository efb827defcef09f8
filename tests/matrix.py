"""What every permission matrix shares (tests/test_permission_matrix.py and each app's own
tests/<app>/test_permission_matrix.py): the expected table read from text, a response named in the
matrix's words, one request per cell in a savepoint, and the search for private markers in what a
role was served.

    login  redirect to a log-in page (nobody is logged in, or the admin asks its own log-in)
    deny   403 or 404 (405 where a matrix says so), or a redirect to one of its `turned_away`
           addresses, which show nothing (registering an organisation, the admin's home)
    ok     served: 200, 400 for a form with errors, or any other redirect (after an action)
"""

from django.contrib.auth.models import Group
from django.db import transaction

from tests.employers.factories import VerifiedUserFactory
from tests.portal.factories import with_totp


def read_table(text):
    """{audience: [outcome per role]} from lines `audience | outcome outcome ...` under a header."""
    rows = (line.split("|") for line in text.strip().splitlines()[1:])
    return {audience.strip(): cells.split() for audience, cells in rows}


def outcome(response, turned_away, denied=(403, 404)):
    status = response.status_code
    if status in (301, 302):
        location = response["Location"]
        if "/login/" in location:
            return "login"
        return "deny" if location.split("?")[0] in turned_away else "ok"
    if status in (200, 400):
        return "ok"
    if status in denied:
        return "deny"
    return str(status)


def staff(group, email):
    """A member of a staff group with a verified address and two factors, as the admin asks."""
    user = VerifiedUserFactory(email=email)
    user.groups.add(Group.objects.get(name=group))
    return with_totp(user)


def superuser(email="admin@example.org"):
    return with_totp(VerifiedUserFactory(email=email, is_superuser=True, is_staff=True))


def assert_table_complete(roles, expected, urls):
    assert all(len(row) == len(roles) for row in expected.values())
    assert {audience for _, _, audience in urls} == set(expected)


def assert_role_matrix(
    client,
    role,
    *,
    people,
    roles,
    urls,
    expected,
    address,
    turned_away,
    private=None,
    may_see=None,
    denied=(403, 404),
):
    """Request every URL as `role` and compare with its column of `expected`; the pages served to a
    role not in may_see[kind] must carry none of private[kind]'s markers. Each request runs in a
    savepoint rolled back after it, so an action in one cell leaves the next cell's world whole."""
    if people[role] is not None:
        client.force_login(people[role])
    column = roles.index(role)
    wrong, leaks = [], []
    for template, method, audience in urls:
        url = address(template)
        with transaction.atomic():
            response = getattr(client, method)(url, {})
            transaction.set_rollback(True)
        got, want = outcome(response, turned_away, denied), expected[audience][column]
        if got != want:
            wrong.append(f"{method.upper()} {url}: expected {want}, got {got} ({response.status_code})")
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode(errors="replace") if response.status_code < 300 else ""
        for kind, markers in (private or {}).items():
            if role not in may_see[kind]:
                leaks += [f"{url} shows {kind} {marker!r}" for marker in markers if marker in text]
    assert not wrong, f"{role}:\n" + "\n".join(wrong)
    assert not leaks, f"{role}:\n" + "\n".join(leaks)
