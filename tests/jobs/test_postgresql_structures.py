"""What PostgreSQL keeps beyond the models (issue 15): the generated full-text column of job
listings and the GIN index of employers' names are built in the text search configuration of the
site's language, not a hard-coded English (so is the GIN index of open listings' titles), and the
model's partial index is in the database."""

import pytest
from django.core.management import call_command
from django.db import connection

from jobs.models import JobListing

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL-only structures"),
]


def generation_expression():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generation_expression FROM information_schema.columns "
            "WHERE table_name = 'jobs_joblisting' AND column_name = 'search_document'"
        )
        return cursor.fetchone()[0]


def index_definition(name):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [name])
        row = cursor.fetchone()
    return row[0] if row else None


def test_the_job_search_column_is_in_each_listings_language(settings):
    """Issue 17: each row's document in its own language's configuration (jobs/0004)."""
    assert settings.LANGUAGE_CODE.startswith("en")
    assert settings.SEARCH_TEXT_CONFIG == "english"
    expression = generation_expression()
    for config in ("english", "french", "spanish", "arabic"):
        assert f"'{config}'::regconfig" in expression
    assert "CASE language" in " ".join(expression.split())
    assert "'english'::regconfig" in index_definition("employers_employer_name_document")
    assert "language" in index_definition("jobs_joblisting_open_cover")


def test_the_job_search_column_follows_the_configured_languages(settings):
    # PostgreSQL changes its schema inside the test's transaction, which is rolled back after it.
    settings.SEARCH_LANGUAGES = {"en": "english", "fr": "french"}  # Spanish and Arabic left out
    settings.SEARCH_TEXT_CONFIG = "simple"
    call_command("migrate", "jobs", "0001", verbosity=0)
    assert index_definition("jobs_joblisting_search_document") is None
    assert index_definition("jobs_joblisting_open_title_document") is None
    call_command("migrate", "jobs", verbosity=0)
    expression = generation_expression()
    assert "'french'::regconfig" in expression and "'english'::regconfig" in expression
    assert "'spanish'" not in expression and "'simple'::regconfig" in expression
    assert "USING gin (search_document)" in index_definition("jobs_joblisting_search_document")
    # The titles' index must be the title's part of the document, or searches would not use it.
    titles = " ".join(index_definition("jobs_joblisting_open_title_document").split())
    assert "USING gin (to_tsvector( CASE language" in titles and "'french'::regconfig" in titles
    assert "WHERE ((status)::text = 'published'::text)" in titles


def test_the_models_partial_index_is_in_the_database():
    definition = index_definition("joblisting_open_place")
    assert "(region, sector)" in definition
    assert "WHERE ((status)::text = 'published'::text)" in definition
    assert any(index.name == "joblisting_open_place" for index in JobListing._meta.indexes)
