"""Campaign staff build a survey from the standard scale, open a wave and read the results."""

import pytest
from django.contrib.auth.models import Group

from surveys.models import STANDARD_SCALE, Survey
from tests.employers.factories import VerifiedUserFactory
from tests.portal.factories import with_totp
from tests.surveys.factories import SurveyWaveFactory, answer_all

pytestmark = pytest.mark.django_db


def editor():
    user = VerifiedUserFactory(email="editor@example.org")
    user.groups.add(Group.objects.get(name="Campaign editors"))
    return with_totp(user)


def test_an_editor_creates_a_survey_from_the_standard_scale(client, home):
    client.force_login(editor())
    listing = client.get("/admin/snippets/surveys/survey/")
    assert "Create from the standard scale" in listing.text
    response = client.post("/admin/surveys/standard/")
    survey = Survey.objects.get()
    assert response["Location"] == f"/admin/snippets/surveys/survey/edit/{survey.pk}/"
    assert [q.key for q in survey.questions.all()] == list(STANDARD_SCALE)
    assert survey.ask_age_band and survey.ask_region
    # A second one gets its own address, with the same stable keys.
    client.post("/admin/surveys/standard/")
    second = Survey.objects.exclude(pk=survey.pk).get()
    assert second.slug != survey.slug
    assert [q.key for q in second.questions.all()] == list(STANDARD_SCALE)
    assert client.get(f"/admin/snippets/surveys/survey/edit/{survey.pk}/").status_code == 200


def test_an_editor_opens_a_wave_with_dates_and_a_slug(client, home):
    client.force_login(editor())
    client.post("/admin/surveys/standard/")
    survey = Survey.objects.get()
    bad = client.post(
        "/admin/snippets/surveys/surveywave/add/",
        {
            "survey": survey.pk,
            "name": "Before",
            "slug": "before",
            "opens_on": "2027-03-10",
            "closes_on": "2027-03-01",
        },
    )
    assert bad.status_code == 200
    assert "A wave closes on or after the day it opens." in bad.text
    assert 'value="Before"' in bad.text
    good = client.post(
        "/admin/snippets/surveys/surveywave/add/",
        {
            "survey": survey.pk,
            "name": "Before",
            "slug": "before",
            "opens_on": "2027-03-01",
            "closes_on": "2027-03-10",
        },
    )
    assert good.status_code == 302
    assert survey.waves.get().get_absolute_url() == "/surveys/before/"


def test_staff_read_the_results_with_breakdowns(client, home):
    wave = SurveyWaveFactory()
    answer_all(wave, agree=30, age_band="16-24")
    answer_all(wave, agree=10, disagree=20, age_band="65+")
    client.force_login(editor())
    page = client.get(f"/admin/surveys/{wave.survey.pk}/results/")
    assert page.status_code == 200
    assert "By age" in page.text and "16 to 24" in page.text and "100%" in page.text
    assert "Download the aggregated results (CSV)" in page.text
