"""The four "Example" incentive schemes are demo content: a production database (migrated, no demo
loaded) offers none, `load_demo_content` brings them, and the data migration removes untouched
ones from a database that got them from the old seeding migration and never loaded the demo."""

import importlib

import pytest
from django.apps import apps

from employers.eligibility import check
from employers.incentive_examples import SCHEMES, seed_example_schemes
from employers.models import IncentiveScheme
from tests.employers.factories import VerifiedUserFactory

pytestmark = pytest.mark.django_db
NAMES = {scheme["name"] for scheme in SCHEMES}
removal = importlib.import_module("employers.migrations.0016_remove_untouched_example_schemes")


def test_a_migrated_site_without_demo_content_offers_no_example_scheme(client, home):
    assert not IncentiveScheme.objects.filter(name__in=NAMES).exists()
    page = client.get("/incentives/").content.decode()
    assert "Example fair-chance hiring tax credit" not in page
    assert not [result for result in check({}) if result.scheme.name in NAMES]


def test_loading_the_demo_content_brings_the_examples(client, home):
    seed_example_schemes()  # what load_demo_content runs (tests/portal/test_operations.py runs it whole)
    assert "Example fair-chance hiring tax credit" in client.get("/incentives/").content.decode()
    assert seed_example_schemes() == 0  # loading again changes nothing


def test_the_migration_removes_untouched_examples_and_keeps_edited_ones():
    seed_example_schemes()  # as the old seeding migration left them
    edited = IncentiveScheme.objects.get(name="Example fidelity bond")
    edited.benefit = "Our own bond, rewritten by staff."
    edited.save_revision().publish()

    removal.remove_untouched_examples(apps, None)

    assert set(IncentiveScheme.objects.values_list("name", flat=True)) == {"Example fidelity bond"}


def test_the_migration_keeps_the_examples_where_the_demo_was_loaded():
    seed_example_schemes()
    VerifiedUserFactory(email="admin@example.org")
    removal.remove_untouched_examples(apps, None)
    assert IncentiveScheme.objects.filter(name__in=NAMES).count() == 4
