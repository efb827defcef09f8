"""The open data API answers in the language of Accept-Language (issue 17): LocaleMiddleware does
not run for /api/, so the API layer chooses; its cached answers are kept per language."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


def test_the_answer_says_its_language_and_varies_by_it():
    client = Client()
    french = client.get("/api/v1/jobs", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")
    assert french.status_code == 200
    assert french["Content-Language"] == "fr"
    assert "Accept-Language" in french["Vary"]
    # The page cache holds the French answer now; an Arabic reader must not be given it.
    arabic = client.get("/api/v1/jobs", HTTP_ACCEPT_LANGUAGE="ar")
    assert arabic["Content-Language"] == "ar"
    english = client.get("/api/v1/jobs")
    assert english["Content-Language"] == "en-gb"
    again = client.get("/api/v1/jobs", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")
    assert again["Content-Language"] == "fr" and again.headers.get("X-Page-Cache") == "hit"


def test_an_error_answer_varies_by_language_too():
    response = Client().get("/api/v1/no-such-thing", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 404
    assert response["Content-Language"] == "es"
    assert "Accept-Language" in response["Vary"]
