"""campaigns/data/audiences.csv says what the audiences migration put in a new database."""

import pytest

from campaigns import reference_data
from campaigns.models import Audience

pytestmark = pytest.mark.django_db


def test_the_audiences_file_equals_what_the_migration_produced():
    (audiences,) = reference_data.TABLES
    in_file = [(row["slug"], row["name"]) for row in audiences.rows()]
    assert in_file == list(Audience.objects.values_list("slug", "name"))
    assert ("families", "Families") in in_file
