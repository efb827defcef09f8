"""Answering a wave: anonymous, once per browser, only while the wave is open, rate-limited."""

import datetime
import re

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from surveys.models import Answer, Response
from tests.surveys.factories import SurveyWaveFactory

pytestmark = pytest.mark.django_db

KEYS = [
    "accept_colleague",
    "accept_neighbour",
    "accept_family_friend",
    "accept_fellow_student",
    "people_can_change",
]


def sheet(value="4", **extra):
    return {**{f"q_{key}": value for key in KEYS}, **extra}


def test_a_visitor_answers_without_an_account_and_sees_the_thanks_page(client, home):
    wave = SurveyWaveFactory()
    page = client.get(f"/surveys/{wave.slug}/")
    assert page.status_code == 200
    assert "I would be ready to accept a former prisoner as a colleague." in page.text
    assert "Prefer not to say" in page.text
    response = client.post(f"/surveys/{wave.slug}/", sheet(age_band="25-44", region="GB-MAN"), follow=True)
    assert response.redirect_chain[-1][0] == f"/surveys/{wave.slug}/thanks/"
    stored = Response.objects.get()
    assert (stored.wave, stored.age_band, stored.region) == (wave, "25-44", "GB-MAN")
    assert stored.answered_on == timezone.localdate()
    assert sorted(Answer.objects.values_list("value", flat=True)) == [4] * 5


def test_the_same_browser_cannot_answer_twice(client, home):
    wave = SurveyWaveFactory()
    client.post(f"/surveys/{wave.slug}/", sheet())
    again = client.post(f"/surveys/{wave.slug}/", sheet("1"))
    assert again.status_code == 409
    assert "already answered" in again.text
    assert client.get(f"/surveys/{wave.slug}/").text.count('type="radio"') == 0
    assert Response.objects.count() == 1


def test_a_forged_cookie_does_not_count_as_answered_nor_block(client, home):
    wave = SurveyWaveFactory()
    client.cookies[f"survey-answered-{wave.pk}"] = "yes"  # unsigned: ignored
    assert client.post(f"/surveys/{wave.slug}/", sheet()).status_code == 302


def test_another_browser_may_answer(client, home):
    wave = SurveyWaveFactory()
    client.post(f"/surveys/{wave.slug}/", sheet())
    assert Client().post(f"/surveys/{wave.slug}/", sheet()).status_code == 302
    assert Response.objects.count() == 2


def test_demographic_questions_are_never_required_and_prefer_not_to_say_counts(client, home):
    wave = SurveyWaveFactory()
    assert client.post(f"/surveys/{wave.slug}/", sheet("0")).status_code == 302
    stored = Response.objects.get()
    assert (stored.age_band, stored.region) == ("", "")
    assert set(Answer.objects.values_list("value", flat=True)) == {0}


def test_a_missing_answer_is_explained_next_to_the_question_and_keeps_the_others(client, home):
    wave = SurveyWaveFactory()
    data = sheet("5")
    del data["q_accept_neighbour"]
    page = client.post(f"/surveys/{wave.slug}/", data)
    assert page.status_code == 400
    assert "Choose an answer, or “Prefer not to say”." in page.text
    kept = re.search(r'<input[^>]*name="q_accept_colleague"[^>]*value="5"[^>]*>', page.text).group(0)
    assert "checked" in kept
    assert Response.objects.count() == 0


def test_nonsense_answers_are_refused_without_error(client, home):
    wave = SurveyWaveFactory()
    page = client.post(f"/surveys/{wave.slug}/", sheet("9", region="XX-NOPE", age_band="=cmd"))
    assert page.status_code == 400
    assert Response.objects.count() == 0


def test_a_closed_or_future_wave_takes_no_answers(client, home):
    today = timezone.localdate()
    closed = SurveyWaveFactory(
        opens_on=today - datetime.timedelta(days=20), closes_on=today - datetime.timedelta(days=1)
    )
    future = SurveyWaveFactory(
        opens_on=today + datetime.timedelta(days=1), closes_on=today + datetime.timedelta(days=9)
    )
    assert client.post(f"/surveys/{closed.slug}/", sheet()).status_code == 410
    assert "has closed" in client.get(f"/surveys/{closed.slug}/").text
    assert client.post(f"/surveys/{future.slug}/", sheet()).status_code == 404
    assert Response.objects.count() == 0


@override_settings(SURVEY_RATE_LIMIT="3/h")
def test_many_answers_from_one_address_are_slowed_down(home):
    wave = SurveyWaveFactory()
    codes = [
        Client(REMOTE_ADDR="203.0.113.9").post(f"/surveys/{wave.slug}/", sheet()).status_code
        for _ in range(5)
    ]
    assert codes == [302, 302, 302, 429, 429]
    assert Response.objects.count() == 3
    assert Client(REMOTE_ADDR="203.0.113.10").post(f"/surveys/{wave.slug}/", sheet()).status_code == 302
