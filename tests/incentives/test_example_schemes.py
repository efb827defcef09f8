"""The four "Example" incentive schemes are demo content: a production database (migrated, no demo
loaded) offers none, and `load_demo_content` brings them. (The migration that removed untouched
examples from databases seeded by an older migration went with the migrations reset: no database
was ever deployed with them.)"""

import pytest

from incentives.eligibility import check
from incentives.examples import SCHEMES, seed_example_schemes
from incentives.models import IncentiveScheme

pytestmark = pytest.mark.django_db
NAMES = {scheme["name"] for scheme in SCHEMES}


def test_a_migrated_site_without_demo_content_offers_no_example_scheme(client, home):
    assert not IncentiveScheme.objects.filter(name__in=NAMES).exists()
    page = client.get("/incentives/").content.decode()
    assert "Example fair-chance hiring tax credit" not in page
    assert not [result for result in check({}) if result.scheme.name in NAMES]


def test_loading_the_demo_content_brings_the_examples(client, home):
    seed_example_schemes()  # what load_demo_content runs (tests/portal/test_operations.py runs it whole)
    assert "Example fair-chance hiring tax credit" in client.get("/incentives/").content.decode()
    assert seed_example_schemes() == 0  # loading again changes nothing
