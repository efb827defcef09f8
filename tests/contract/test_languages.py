"""Every engine searches in the visitor's language (issue 17): French stemming finds the French
listing, an Arabic word the Arabic one, and the search box suggests the visitor's language's."""

import pytest
from django.db import connection
from django.utils import translation

from search import jobs as job_search
from search import site
from tests.employers.factories import JobListingFactory


@pytest.fixture
def listings(engine):
    JobListingFactory(
        title="Cuisinier / cuisinière", description="<p>Préparation des plats.</p>", language="fr"
    )
    JobListingFactory(title="عامل مستودع", description="<p>تجهيز الطلبات في المستودع.</p>", language="ar")
    JobListingFactory(title="Warehouse operative", description="<p>Stock and deliveries.</p>")
    engine.load()
    return engine


def titles(results):
    return sorted(job.title for job in results.jobs)


def test_a_french_visitor_finds_the_french_listing_by_its_plural(listings):
    if listings.name == "database" and connection.vendor != "postgresql":
        pytest.skip("the database engine stems on PostgreSQL only")
    with translation.override("fr"):
        assert titles(job_search.search("cuisiniers")) == ["Cuisinier / cuisinière"]


def test_an_arabic_visitor_finds_the_arabic_listing(listings):
    with translation.override("ar"):
        assert titles(job_search.search("مستودع")) == ["عامل مستودع"]


def test_the_language_filter_and_its_counts(listings):
    results = job_search.search("", filters={"language": ["fr", "ar"]})
    assert titles(results) == sorted(["Cuisinier / cuisinière", "عامل مستودع"])
    counts = {option.value: option.count for option in results.facets["language"]}
    assert counts == {"en-gb": 1, "fr": 1, "ar": 1}


def test_suggestions_are_of_the_visitors_language(listings):
    with translation.override("fr"):
        assert [each.label for each in site.suggest("cuisi")] == ["Cuisinier / cuisinière"]
        assert site.suggest("warehouse") == []
