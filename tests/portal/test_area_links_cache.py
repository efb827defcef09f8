"""The site header's area links come from the shared cache (portal/accounts/areas.py), and follow
at once every change that decides them: a member removed, a staff role ended, a group left."""

import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from employers.models import Membership
from partners.models import ProviderStaff
from tests.employers.factories import OwnerFactory, RecruiterFactory, VerifiedUserFactory
from tests.partners.factories import CoordinatorFactory
from tests.portal.factories import with_totp


def area_links(client, path="/stories/"):
    """The areas the header links to (someone in none is offered /employer/ to register, a link
    without data-area)."""
    body = client.get(path).content.decode()
    header = body.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]
    return re.findall(r'<a href="([^"]+)" data-area=', header)


@pytest.mark.django_db
def test_a_removed_member_loses_the_employer_link_on_the_next_page(client, home):
    membership = RecruiterFactory()
    client.force_login(membership.user)
    assert area_links(client) == ["/employer/"]
    assert area_links(client) == ["/employer/"]  # now from the cache
    Membership.objects.filter(pk=membership.pk).delete()
    assert area_links(client) == []


@pytest.mark.django_db
def test_a_new_member_gets_the_link_on_the_next_page(client, home):
    user = VerifiedUserFactory()
    client.force_login(user)
    assert area_links(client) == []
    OwnerFactory(user=user)
    assert area_links(client) == ["/employer/"]


@pytest.mark.django_db
def test_programme_staff_removed_lose_the_partner_link_at_once(client, home):
    staff = CoordinatorFactory()
    client.force_login(staff.user)
    assert area_links(client) == ["/partner/"]
    ProviderStaff.objects.get(pk=staff.pk).delete()
    assert area_links(client) == []


@pytest.mark.django_db
def test_staff_who_leave_the_editors_group_lose_the_admin_link_at_once(client, home):
    user = with_totp(VerifiedUserFactory())
    editors = Group.objects.get(name="Campaign editors")
    user.groups.add(editors)
    client.force_login(user)
    assert area_links(client) == ["/admin/"]
    user.groups.remove(editors)
    assert area_links(client) == []


@pytest.mark.django_db
def test_a_deactivated_superuser_loses_the_admin_link_at_once(client, home):
    user = with_totp(VerifiedUserFactory(is_superuser=True, is_staff=True))
    OwnerFactory(user=user)
    client.force_login(user)
    assert area_links(client) == ["/employer/", "/admin/"]
    user.is_superuser = False
    user.save()
    assert area_links(client) == ["/employer/"]


@pytest.mark.django_db
def test_one_persons_links_are_never_shown_to_another(client, home):
    owner, coordinator = OwnerFactory().user, CoordinatorFactory().user
    client.force_login(owner)
    assert area_links(client) == ["/employer/"]
    client.force_login(coordinator)
    assert area_links(client) == ["/partner/"]
    client.force_login(owner)
    assert area_links(client) == ["/employer/"]


@pytest.mark.django_db
def test_the_header_asks_the_database_nothing_once_the_links_are_known(client, home):
    membership = RecruiterFactory()
    client.force_login(membership.user)
    area_links(client)
    with CaptureQueriesContext(connection) as queries:
        assert area_links(client) == ["/employer/"]
    asked = " ".join(query["sql"] for query in queries.captured_queries)
    assert "employers_membership" not in asked
    assert "auth_permission" not in asked


@pytest.mark.django_db
def test_someone_logging_in_does_not_drop_everyone_elses_links(client, home):
    membership, other = RecruiterFactory(), OwnerFactory().user
    client.force_login(membership.user)
    area_links(client)
    other.last_login = None
    other.save()  # what logging in does to a person's row
    with CaptureQueriesContext(connection) as queries:
        assert area_links(client) == ["/employer/"]
    assert "employers_membership" not in " ".join(query["sql"] for query in queries.captured_queries)
