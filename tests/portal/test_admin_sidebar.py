"""The admin's sidebar is built once a minute per person, and shows a change of permissions at once
(portal/admin_sidebar.py, issue 22)."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from tests.portal.factories import UserFactory, with_totp

pytestmark = pytest.mark.django_db

HOME = reverse("wagtailadmin_home")
IMPACT = reverse("impact_dashboard")


def admin_user(**fields):
    user = with_totp(UserFactory(**fields))
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def menu(client, address=HOME):
    """Every address the sidebar links to, and the name it greets the person by."""
    page = client.get(address)
    assert page.status_code == 200
    props = BeautifulSoup(page.content, "html.parser").find("script", id="wagtail-sidebar-props").string
    return json.dumps(json.loads(props))


def test_a_permission_given_shows_in_the_menu_at_once(client):
    user = admin_user(email="newcomer@example.org")
    client.force_login(user)
    assert IMPACT not in menu(client)
    user.groups.add(Group.objects.get(name="Campaign moderators"))
    assert IMPACT in menu(client)
    Group.objects.get(name="Campaign moderators").user_set.remove(user)
    assert IMPACT not in menu(client)


def test_a_page_permission_given_shows_in_the_menu_at_once(client):
    user = admin_user(email="pages@example.org")
    client.force_login(user)
    pages = reverse("wagtailadmin_explore_root")
    assert pages not in menu(client)
    group = Group.objects.create(name="Page readers")
    user.groups.add(group)
    assert pages not in menu(client)  # a group with no permission yet
    GroupPagePermission.objects.create(
        group=group,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="change_page"),
    )
    assert pages in menu(client)


def test_each_person_sees_their_own_menu_and_name(client):
    moderator = admin_user(email="mod@example.org", first_name="Morag")
    moderator.groups.add(Group.objects.get(name="Campaign moderators"))
    other = admin_user(email="other@example.org", first_name="Olu")
    client.force_login(moderator)
    assert IMPACT in menu(client) and "Morag" in menu(client)
    client.force_login(other)
    seen = menu(client)
    assert IMPACT not in seen and "Olu" in seen and "Morag" not in seen
    other.first_name = "Oluwaseun"
    other.save()
    assert "Oluwaseun" in menu(client)


def test_the_menu_is_not_worked_out_again_on_every_page(client):
    user = admin_user(email="mod2@example.org")
    user.groups.add(Group.objects.get(name="Campaign moderators"))
    client.force_login(user)
    menu(client, IMPACT)
    with CaptureQueriesContext(connection) as queries:
        menu(client, IMPACT)
    # The menu's questions (may they see pages? images? documents?) read these tables.
    asked = [
        q["sql"]
        for q in queries.captured_queries
        if "grouppagepermission" in q["sql"] or "groupcollectionpermission" in q["sql"]
    ]
    assert not asked


def test_the_keyboard_shortcuts_dialog_follows_each_persons_setting_and_platform(client):
    from wagtail.users.models import UserProfile

    user = admin_user(email="keys@example.org")
    client.force_login(user)

    def dialog(**headers):
        # The dialog sits in a <template> the admin's script moves into place.
        html = client.get(HOME, **headers).content.decode()
        start = html.index('id="keyboard-shortcuts-dialog"')
        return BeautifulSoup(html[start : html.index("</template>", start)], "html.parser").get_text(
            " ", strip=True
        )

    assert "Ctrl + s" in dialog() and "currently disabled" not in dialog()
    assert "⌘ + s" in dialog(HTTP_USER_AGENT="Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)")
    profile = UserProfile.get_for_user(user)
    profile.keyboard_shortcuts = False
    profile.save()
    assert "Keyboard shortcuts are currently disabled" in dialog()
