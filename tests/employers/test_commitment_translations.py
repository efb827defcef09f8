"""Pledge commitments in the employer's language; the pledge records the one commitment."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from employers.forms.pledge import SignPledgeForm
from employers.models import PledgeCommitment

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment(db):
    english = PledgeCommitment.objects.create(
        title="Hire graduates of the bakery course every year",
        needs_number=True,
        number_label="graduates a year",
    )
    french = english.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.title = "Embaucher chaque année des diplômés du cours de boulangerie"
    french.number_label = "diplômés par an"
    french.save()
    return english


def test_the_signing_form_offers_each_commitment_once_in_the_visitors_language(commitment):
    with translation.override("fr"):
        form = SignPledgeForm()
    labels = [str(field.label) for field in form.fields.values()]
    assert "Embaucher chaque année des diplômés du cours de boulangerie" in labels
    assert "Hire graduates of the bakery course every year" not in labels
    assert any("diplômés par an" in label for label in labels)
    # The English row is what the pledge records; its French row is not a second choice.
    assert commitment in form.commitments
    assert {c.locale_id for c in form.commitments} == {commitment.locale_id}

    with translation.override("en-gb"):
        english_labels = [str(field.label) for field in SignPledgeForm().fields.values()]
    assert "Hire graduates of the bakery course every year" in english_labels
    assert not any("Embaucher" in label for label in english_labels)


def test_a_commitment_without_a_translation_shows_in_english(commitment):
    PledgeCommitment.objects.create(title="Open the kitchen to trainees on Saturdays")
    with translation.override("ar"):
        labels = [str(field.label) for field in SignPledgeForm().fields.values()]
    assert "Open the kitchen to trainees on Saturdays" in labels
    assert "Hire graduates of the bakery course every year" in labels
