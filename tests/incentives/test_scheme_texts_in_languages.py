"""A scheme's texts are read in the visitor's language; the checker still evaluates the one
English row, so the outcome is the same in every language."""

import json
import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from incentives.models import IncentiveScheme
from portal.languages import localise_path
from tests.incentives.test_eligibility import _admin_post_data
from tests.portal.factories import with_totp

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("example_schemes")]

RESULT = "/incentives/check/result/"
TAX_CREDIT = "Example fair-chance hiring tax credit"
FULL = {
    "employer_sector": "C",
    "has_active_hiring_pledge": "yes",
    "hours_per_week": "30",
    "contract_length_months": "12",
    "months_since_release": "6",
    "candidate_age": "30",
    "receiving_benefits": "yes",
    "completed_recognised_programme": "no",
}


@pytest.fixture(autouse=True)
def english_to_start_with():
    # A request leaves its language active in the thread; addresses are taken in English.
    with translation.override("en-gb"):
        yield


@pytest.fixture
def admin_client(client, home):
    user = with_totp(get_user_model().objects.create_superuser(email="boss@example.org", password="x"))
    client.force_login(user)
    return client


def text_of(response):
    assert response.status_code == 200
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def outcomes(response):
    return re.findall(r'data-scheme="(\d+)" data-outcome="([a-z_]+)"', response.content.decode())


def test_the_french_result_gives_the_schemes_name_and_texts_in_french(client, home):
    text = text_of(client.get(localise_path(RESULT, "fr"), FULL))
    assert "Exemple de crédit d'impôt pour l'embauche de seconde chance" in text
    assert "La personne est embauchée dans les 12 mois suivant sa libération." in text
    assert "Remplir le formulaire de présélection avec la personne candidate" in text
    assert "Un crédit d'impôt de 25 %" in text
    assert TAX_CREDIT not in text


def test_the_arabic_result_gives_the_schemes_name_in_arabic(client, home):
    text = text_of(client.get(localise_path(RESULT, "ar"), FULL))
    assert "مثال: إعفاء ضريبي لتوظيف أصحاب الفرصة الثانية" in text


def test_the_english_result_is_unchanged(client, home):
    text = text_of(client.get(RESULT, FULL))
    assert TAX_CREDIT in text
    assert "The candidate is hired within 12 months of release." in text
    assert "Exemple" not in text


def test_the_outcomes_are_the_same_in_every_language(client, home):
    english = outcomes(client.get(RESULT, {**FULL, "months_since_release": "30"}))
    for language in ("fr", "es", "ar"):
        assert (
            outcomes(client.get(localise_path(RESULT, language), {**FULL, "months_since_release": "30"}))
            == english
        )


def test_a_text_without_a_french_version_shows_in_english(client, home):
    scheme = IncentiveScheme.objects.get(name=TAX_CREDIT)
    scheme.translations = {"fr": {"name": "Crédit d'impôt (exemple)"}}
    scheme.save()
    text = text_of(client.get(localise_path(RESULT, "fr"), FULL))
    assert "Crédit d'impôt (exemple)" in text
    assert "A tax credit of 25% of the first year's wages" in text


def test_the_french_result_costs_the_same_queries_as_the_english(client, home):
    client.get(RESULT, FULL)  # the site, the locale and the cache warmed alike
    client.get(localise_path(RESULT, "fr"), FULL)
    counts = {}
    for language in ("en-gb", "fr"):
        with CaptureQueriesContext(connection) as queries:
            client.get(localise_path(RESULT, language), FULL)
        counts[language] = len(queries)
    assert counts["fr"] == counts["en-gb"]


def test_texts_in_an_unknown_language_or_field_are_refused_with_a_message():
    scheme = IncentiveScheme.objects.get(name=TAX_CREDIT)
    scheme.translations = {"de": {"name": "Steuergutschrift"}}
    with pytest.raises(ValidationError) as error:
        scheme.full_clean()
    assert "translations" in error.value.message_dict
    scheme.translations = {"fr": {"eligibility": "toujours"}}
    with pytest.raises(ValidationError):
        scheme.full_clean()


def test_staff_write_a_schemes_french_texts_in_the_admin(admin_client):
    url = reverse(IncentiveScheme.snippet_viewset.get_url_name("add"))
    data = _admin_post_data(fact="months_since_release", operator="less_or_equal", value="12")
    data["translations"] = json.dumps({"fr": {"name": "Aide de l'administration"}})
    data["conditions-0-translations"] = json.dumps({"fr": {"met_text": "Condition remplie."}})
    response = admin_client.post(url, {**data, "action-publish": "publish"})
    assert response.status_code == 302, response.content.decode()[:2000]
    scheme = IncentiveScheme.objects.get(name="Admin scheme")
    with translation.override("fr"):
        assert scheme.shown["name"] == "Aide de l'administration"
        assert scheme.conditions.get().shown["met_text"] == "Condition remplie."
    assert scheme.shown["name"] == "Admin scheme"


def test_the_admin_refuses_texts_for_an_unknown_field_with_a_message(admin_client):
    url = reverse(IncentiveScheme.snippet_viewset.get_url_name("add"))
    data = _admin_post_data(fact="months_since_release", operator="less_or_equal", value="12")
    data["translations"] = json.dumps({"fr": {"eligible": "oui"}})
    response = admin_client.post(url, {**data, "action-publish": "publish"})
    assert response.status_code == 200
    assert "Give each language (fr, es, ar) its texts by field name" in unescape(response.content.decode())
    assert not IncentiveScheme.objects.filter(name="Admin scheme").exists()
