"""Who may see a seeker's profile: the grounds the apps above add (the applications app's
"applied to") widen it for that employer only, in one query."""

import pytest
from django.db.models import Q

from seekers import access
from tests.employers.factories import EmployerFactory
from tests.seekers.factories import JobSeekerFactory


@pytest.fixture
def extra_ground():
    """A ground as the applications app would register one (here: a chosen employer)."""
    chosen = {}

    def ground(employer):
        return Q(pk=chosen.get(employer.pk, 0))

    access.employer_ground(ground)
    yield chosen
    access.EMPLOYER_GROUNDS.remove(ground)


def test_a_registered_ground_lets_that_employer_and_no_other_see_the_profile(
    db, extra_ground, django_assert_num_queries
):
    seeker, employer, other = JobSeekerFactory(), EmployerFactory(), EmployerFactory()
    assert not access.employer_may_see(employer, seeker)
    extra_ground[employer.pk] = seeker.pk
    with django_assert_num_queries(1):
        assert access.employer_may_see(employer, seeker)
    assert not access.employer_may_see(other, seeker)
    assert list(access.visible_to_employer(employer)) == [seeker]
    seeker.erase()
    assert not access.employer_may_see(employer, seeker)
