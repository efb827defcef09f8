"""The audit log of personal data in the Wagtail admin: who may read it, its filters, search,
pagination, links and the CSV export guarded against formulas. Read-only; references, never names."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from partners.models import PersonalDataAccess
from tests.partners.factories import GraduateFactory, ProgrammeProviderFactory, personal_markers
from tests.portal.factories import UserFactory, with_totp

INDEX = reverse("audit_log:index")
Action = PersonalDataAccess.Action


def with_permissions(*codenames, **fields):
    """A staff member whose group gives admin access and the given permissions."""
    user = UserFactory(**fields)
    group = Group.objects.create(name=f"Group of {user.email}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        group.permissions.add(Permission.objects.get(codename=codename))
    user.groups.add(group)
    return user


@pytest.fixture
def officer(db):
    return with_permissions("view_personaldataaccess", email="privacy@example.org")


@pytest.fixture
def world(db):
    north, south = ProgrammeProviderFactory(name="North Works"), ProgrammeProviderFactory(name="South Skills")
    alice = UserFactory(email="alice@north.example.org")
    bob = UserFactory(email="bob@south.example.org")
    first = GraduateFactory(provider=north)
    second = GraduateFactory(provider=south)
    entries = {
        "alice-view": PersonalDataAccess.objects.create(
            graduate=first, user=alice, action=Action.VIEW, path="/partner/graduates/x/", method="GET"
        ),
        "alice-export": PersonalDataAccess.objects.create(
            graduate=first,
            user=alice,
            action=Action.EXPORT,
            path="/partner/graduates/x/export/",
            method="GET",
        ),
        "bob-edit": PersonalDataAccess.objects.create(
            graduate=second, user=bob, action=Action.EDIT, path="/partner/graduates/y/edit/", method="POST"
        ),
    }
    old = PersonalDataAccess.objects.create(graduate=second, user=bob, action=Action.RELEASE, path="/old/")
    PersonalDataAccess.objects.filter(pk=old.pk).update(at=timezone.now() - datetime.timedelta(days=40))
    entries["bob-old-release"] = old
    return {"first": first, "second": second, "alice": alice, "bob": bob, "north": north, **entries}


def rows(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return list(soup.select("table.listing tbody tr"))


def references(response):
    return sorted(
        cell.get_text(strip=True)
        for row in rows(response)
        for cell in row.select("td")
        if cell.get_text(strip=True).startswith("G-")
    )


# -- who may read it ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "who, allowed",
    [
        ("superuser", True),
        ("officer", True),
        ("editor", False),
        ("moderator", False),
        ("change_only", False),
        ("admin_only", False),
    ],
)
def test_only_the_dedicated_permission_opens_the_log(client, world, officer, who, allowed):
    users = {
        "superuser": lambda: UserFactory(email="root@example.org", is_superuser=True, is_staff=True),
        "officer": lambda: officer,
        "editor": lambda: _member("Campaign editors"),
        "moderator": lambda: _member("Campaign moderators"),
        # Neither another permission on the model nor admin access alone opens it.
        "change_only": lambda: with_permissions("change_personaldataaccess", "delete_personaldataaccess"),
        "admin_only": lambda: with_permissions(),
    }
    client.force_login(with_totp(users[who]()))
    response = client.get(INDEX)
    export = client.get(INDEX + "?export=csv")
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    if allowed:
        assert response.status_code == 200 and export.status_code == 200
        assert world["first"].reference in response.content.decode()
        assert INDEX in dashboard, "the menu shows the audit log"
    else:
        assert response.status_code in (302, 403) and export.status_code in (302, 403)
        assert world["first"].reference not in response.content.decode()
        assert (
            world["first"].reference
            not in b"".join(getattr(export, "streaming_content", [export.content])).decode()
        )
        assert INDEX not in dashboard, "no menu item for the audit log"


def _member(group_name):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    response = client.get(INDEX)
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_log_is_read_only(client, world, officer):
    for name in ("add", "edit", "delete", "inspect", "copy", "history"):
        with pytest.raises(NoReverseMatch):
            reverse(f"audit_log:{name}", args=[] if name == "add" else [world["alice-view"].pk])
    client.force_login(with_totp(UserFactory(is_superuser=True, email="root@example.org")))
    client.post(INDEX, {"action": "delete"})
    assert PersonalDataAccess.objects.count() == 4


# -- filters, search, pagination, links -----------------------------------------------------------


def test_each_filter_narrows_the_list(client, world, officer):
    client.force_login(with_totp(officer))
    first, second = world["first"].reference, world["second"].reference
    assert len(rows(client.get(INDEX))) == 4
    assert len(rows(client.get(INDEX, {"graduate": first.lower()}))) == 2
    assert references(client.get(INDEX, {"person": "bob@"})) == [second, second]
    assert references(client.get(INDEX, {"provider": world["north"].pk})) == [first, first]
    export_rows = rows(client.get(INDEX, {"action": "export"}))
    assert len(export_rows) == 1 and "Exported" in export_rows[0].get_text()
    today = timezone.localdate()
    recent = {"at_from": (today - datetime.timedelta(days=7)).isoformat(), "at_to": today.isoformat()}
    assert len(rows(client.get(INDEX, recent))) == 3
    older = {"at_to": (today - datetime.timedelta(days=30)).isoformat()}
    assert "Released to an employer" in rows(client.get(INDEX, older))[0].get_text()
    assert len(rows(client.get(INDEX, older))) == 1


def test_search_and_pagination(client, world, officer):
    client.force_login(with_totp(officer))
    assert references(client.get(INDEX, {"q": "alice@north"})) == [world["first"].reference] * 2
    PersonalDataAccess.objects.bulk_create(
        PersonalDataAccess(graduate=world["first"], user=world["alice"], action=Action.VIEW)
        for _ in range(60)
    )
    assert len(rows(client.get(INDEX))) == 50
    assert len(rows(client.get(INDEX, {"p": 2}))) == 14


def test_each_entry_links_to_the_person_and_the_graduate(client, world, officer):
    client.force_login(with_totp(officer))
    response = client.get(INDEX, {"graduate": world["second"].reference, "action": "edit"})
    links = [a["href"] for a in rows(response)[0].select("a")]
    assert reverse("wagtailusers_users:edit", args=[world["bob"].pk]) in links
    assert f"{INDEX}?graduate={world['second'].reference}" in links


def test_an_erasure_appears_and_nothing_personal_shows(client, world, officer):
    markers = personal_markers(world["first"])
    world["first"].erase(None)  # by the retention rules: nobody
    client.force_login(with_totp(officer))
    response = client.get(INDEX, {"action": "erase"})
    (row,) = rows(response)
    assert "Erased" in row.get_text() and "Nobody (the retention rules)" in row.get_text()
    page = client.get(INDEX).content.decode()
    assert not [marker for marker in markers if marker in page]


# -- the CSV export -------------------------------------------------------------------------------


def exported(client, **params):
    response = client.get(INDEX, {"export": "csv", **params})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_the_csv_export_follows_the_filters(client, world, officer):
    client.force_login(with_totp(officer))
    table = exported(client, graduate=world["second"].reference)
    assert table[0] == [
        "When (UTC)",
        "Graduate",
        "Programme provider",
        "Person",
        "Action",
        "Address",
        "Method",
        "Client address",
    ]
    assert len(table) == 3
    assert {row[1] for row in table[1:]} == {world["second"].reference}
    bob = world["bob"]
    assert {row[3] for row in table[1:]} == {f"{bob.get_full_name()} <{bob.email}>"}


@pytest.mark.parametrize(
    "dangerous", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]
)
def test_the_csv_export_defuses_formulas(client, world, officer, dangerous):
    user = UserFactory(email=f"{dangerous[0]}x@example.org", first_name="", last_name="")
    PersonalDataAccess.objects.create(graduate=world["first"], user=user, action=Action.VIEW, path=dangerous)
    client.force_login(with_totp(officer))
    table = exported(client, person="x@example.org")
    (row,) = table[1:]
    assert row[5] == "'" + dangerous
    assert row[3] == "'" + user.email
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)


def test_the_permission_is_granted_from_a_groups_page(client, world):
    """Settings → Groups offers "view" for the audit log, and nothing else, and no group holds it."""
    assert not Group.objects.filter(permissions__codename="view_personaldataaccess").exists()
    client.force_login(with_totp(UserFactory(is_superuser=True, email="root@example.org")))
    soup = BeautifulSoup(client.get(reverse("wagtailusers_groups:add")).content, "html.parser")
    view = Permission.objects.get(codename="view_personaldataaccess")
    assert soup.select_one(f"input[name=permissions][value='{view.pk}']")
    for codename in ("add_personaldataaccess", "change_personaldataaccess", "delete_personaldataaccess"):
        other = Permission.objects.get(codename=codename)
        assert not soup.select_one(f"input[name=permissions][value='{other.pk}']")
