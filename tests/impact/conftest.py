import pytest
from django.contrib.auth.models import Group

from tests.employers.factories import OwnerFactory, VerifiedUserFactory
from tests.partners.factories import CoordinatorFactory
from tests.portal.factories import UserFactory, with_totp


def member_of(group_name, **fields):
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=group_name))
    return with_totp(user)  # the admin asks staff for a second factor


@pytest.fixture
def editor(db):
    return member_of("Campaign editors", email="editor@example.org")


@pytest.fixture
def moderator(db):
    return member_of("Campaign moderators", email="moderator@example.org")


@pytest.fixture
def superuser(db):
    return with_totp(UserFactory(is_superuser=True, is_staff=True, email="admin@example.org"))


@pytest.fixture
def employer_owner(db):
    return OwnerFactory(user=VerifiedUserFactory(email="owner@employer.example.org")).user


@pytest.fixture
def partner(db):
    return CoordinatorFactory(user=VerifiedUserFactory(email="coordinator@partner.example.org")).user
