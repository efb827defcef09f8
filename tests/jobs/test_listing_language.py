"""A job listing carries the language it is written in (issue 17): its page marks its own text
with that language, JSON-LD says it, and the employer's form asks for it, pre-filled with the
language the employer uses the site in."""

import json
import re

import pytest
from django.utils import translation

from jobs.forms import JobListingForm
from jobs.jsonld import job_posting
from tests.employers.factories import JobListingFactory

pytestmark = pytest.mark.django_db


def jsonld_of(html):
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


def test_a_french_listing_is_marked_french_on_its_page_and_in_json_ld(client):
    job = JobListingFactory(
        title="Cuisinier / cuisinière", description="<p>Préparation des plats.</p>", language="fr"
    )
    html = client.get(job.get_absolute_url()).content.decode()
    assert '<h1 lang="fr" dir="ltr">Cuisinier / cuisinière</h1>' in html
    assert '<div class="job-description" lang="fr" dir="ltr">' in html
    assert '<dd data-language="fr" lang="fr">Français</dd>' in html
    assert jsonld_of(html)["inLanguage"] == "fr"


def test_an_arabic_listing_keeps_right_to_left_on_an_english_page(client):
    job = JobListingFactory(title="عامل مستودع", language="ar")
    html = client.get(job.get_absolute_url()).content.decode()
    assert '<h1 lang="ar" dir="rtl">عامل مستودع</h1>' in html
    assert jsonld_of(html)["inLanguage"] == "ar"


def test_a_listing_is_in_the_sites_language_by_default_as_bcp_47():
    job = JobListingFactory()
    assert job.language == "en-gb"
    assert job_posting(job)["inLanguage"] == "en-GB"


def test_the_form_proposes_the_language_the_employer_uses_the_site_in():
    with translation.override("es"):
        assert JobListingForm()["language"].value() == "es"
    with translation.override("en-gb"):
        assert JobListingForm()["language"].value() == "en-gb"


def test_the_form_refuses_a_language_the_site_does_not_have():
    form = JobListingForm(data={"language": "de"})
    assert not form.is_valid()
    assert "language" in form.errors
