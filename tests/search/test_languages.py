"""Search follows the visitor's language (issue 17): the words are stemmed the visitor's way,
listings in every language are searched, pages are the visitor's locale's, and what is cached is
kept per language."""

import pytest
from django.db import connection
from django.utils import translation
from wagtail.models import Locale

from search import jobs as job_search
from search import site
from tests.employers.factories import JobListingFactory
from tests.portal.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's text search configurations"
)


def titles(results):
    return sorted(job.title for job in results.jobs)


@pytest.fixture
def listings():
    return {
        "fr": JobListingFactory(
            title="Cuisinier / cuisinière",
            description="<p>Préparation des plats dans une cuisine qui croit aux secondes chances.</p>",
            language="fr",
        ),
        "ar": JobListingFactory(
            title="عامل مستودع",
            description="<p>تحميل وتفريغ البضائع وتجهيز الطلبات في المستودع.</p>",
            language="ar",
        ),
        "en": JobListingFactory(title="Warehouse operative", description="<p>Stock and deliveries.</p>"),
    }


@on_postgresql
def test_a_french_visitor_finds_a_french_listing_by_another_form_of_its_words(listings):
    with translation.override("fr"):
        assert titles(job_search.search("cuisiniers")) == ["Cuisinier / cuisinière"]
        assert titles(job_search.search("cuisinières")) == ["Cuisinier / cuisinière"]
    # English stemming does not reduce the French plural feminine to the listing's stem.
    with translation.override("en-gb"):
        assert titles(job_search.search("cuisinières")) == []


def test_an_arabic_visitor_finds_an_arabic_listing(listings):
    with translation.override("ar"):
        assert titles(job_search.search("مستودع")) == ["عامل مستودع"]


def test_listings_in_every_language_are_searched(listings):
    with translation.override("fr"):
        assert titles(job_search.search("warehouse")) == ["Warehouse operative"]


@on_postgresql
def test_facet_counts_are_cached_per_language(listings, settings):
    """The counts of one search are kept a minute: an English visitor's must not be served to a
    French one, whose words are stemmed differently."""
    with translation.override("en-gb"):
        assert job_search.search("cuisinières").total == 0
    with translation.override("fr"):
        assert job_search.search("cuisinières").total == 1


def test_the_board_filters_by_the_language_of_the_listing(client, listings):
    response = client.get("/jobs/", {"language": "fr"})
    html = response.content.decode()
    assert "Cuisinier / cuisinière" in html
    assert "Warehouse operative" not in html and "عامل مستودع" not in html
    assert "Language of the listing" in html
    assert 'name="language" value="fr" checked' in html
    everything = client.get("/jobs/").content.decode()
    assert all(
        title in everything for title in ("Cuisinier / cuisinière", "عامل مستودع", "Warehouse operative")
    )


def test_an_unknown_language_filter_is_ignored(client, listings):
    html = client.get("/jobs/", {"language": "xx"}).content.decode()
    assert "Warehouse operative" in html and "Cuisinier / cuisinière" in html


def test_a_french_visitor_sees_the_french_pages_not_the_english_ones(home):
    english = StandardPageFactory(parent=home, title="Volunteering with the portal")
    french = english.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=True)
    french.title = "Volunteering : devenir bénévole"
    french.save_revision().publish()
    with translation.override("fr"):
        found = [hit.title for hit in site.search("volunteering").hits]
        suggested = [each.label for each in site.suggest("volunteering")]
    assert found == ["Volunteering : devenir bénévole"]
    assert suggested == ["Volunteering : devenir bénévole"]
    with translation.override("en-gb"):
        assert [hit.title for hit in site.search("volunteering").hits] == ["Volunteering with the portal"]


def test_suggestions_are_the_visitors_languages_listings(listings):
    with translation.override("fr"):
        assert [each.label for each in site.suggest("cuisi")] == ["Cuisinier / cuisinière"]
        assert site.suggest("warehouse") == []
    with translation.override("en-gb"):
        assert [each.label for each in site.suggest("warehouse")] == ["Warehouse operative"]
