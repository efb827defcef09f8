"""The demo site in four languages: real Wagtail translations the switcher moves between."""

import pytest
from django.core.management import call_command

from employers.models import PledgeCommitment
from stories.models import StoryPage, Theme

pytestmark = pytest.mark.django_db

ADDRESSES = {
    "": {
        "fr": "Tout le monde mérite une seconde chance",
        "es": "Todo el mundo merece",
        "ar": "كل إنسان يستحق",
    },
    "stories/reading-to-my-daughter/": {
        "fr": "Apprendre à lire",
        "es": "Aprender a leer",
        "ar": "تعلّمت القراءة",
    },
    "campaigns/yellow-ribbon-week/": {"fr": "Portez le ruban", "es": "Lleva el lazo", "ar": "ارتدِ الشريط"},
    "privacy/": {"fr": "Politique de confidentialité", "es": "Aviso de privacidad", "ar": "إشعار الخصوصية"},
    "accessibility/": {
        "fr": "Déclaration d’accessibilité",
        "es": "Declaración de accesibilidad",
        "ar": "بيان",
    },
}


def test_demo_pages_and_snippets_are_translated_and_linked(client):
    call_command("load_demo_content")

    for path, words in ADDRESSES.items():
        english = client.get(f"/{path}")
        assert english.status_code == 200, path
        for code, expected in words.items():
            response = client.get(f"/{code}/{path}")
            html = response.content.decode()
            assert response.status_code == 200, (code, path)
            assert expected in html, (code, path)
            assert f'lang="{code}"' in html
            # The switcher offers the same page in every language, not the home page.
            for other in {"fr", "es", "ar"} - {code}:  # the current language is not a link
                assert f"/language/{other}/?next=%2F{other}%2F{path.replace('/', '%2F')}" in html, (
                    code,
                    other,
                )

    story = StoryPage.objects.get(slug="reading-to-my-daughter", locale__language_code="en-gb")
    translations = StoryPage.objects.filter(translation_key=story.translation_key).exclude(pk=story.pk)
    assert sorted(page.locale.language_code for page in translations if page.live) == ["ar", "es", "fr"]
    assert {page.consent_id for page in translations} == {story.consent_id}  # one consent for all
    # The French campaign's pledge form, and its stories in French.
    campaign = client.get("/fr/campaigns/yellow-ribbon-week/").content.decode()
    assert "Engagez-vous" in campaign and '<form method="post"' in campaign
    assert "Apprendre à lire pour faire la lecture à ma fille" in campaign
    assert "/fr/stories/reading-to-my-daughter/" in client.get("/fr/").content.decode()

    assert Theme.objects.get(slug="work", locale__language_code="ar").name == "العمل"
    assert PledgeCommitment.objects.filter(locale__language_code="es").count() == 6
    assert "Travail" in client.get("/fr/stories/").content.decode()
