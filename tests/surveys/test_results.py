"""Results: shares with intervals per wave, the difference between waves, breakdowns only with
30 answers in every group, the aggregated CSV; counted in the database whatever the number of
responses."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from surveys.models import Question
from tests.surveys.factories import StandardSurveyFactory, SurveyWaveFactory, answer_all

pytestmark = pytest.mark.django_db


def two_waves():
    survey = StandardSurveyFactory(title="Acceptance", slug="acceptance")
    today = timezone.localdate()
    before = SurveyWaveFactory(
        survey=survey,
        name="Before",
        slug="before",
        opens_on=today - datetime.timedelta(days=60),
        closes_on=today - datetime.timedelta(days=31),
    )
    after = SurveyWaveFactory(survey=survey, name="After", slug="after")
    answer_all(before, agree=48, disagree=32, prefer_not=7)
    answer_all(after, agree=56, disagree=14, prefer_not=3)
    return survey, before, after


def test_the_results_page_shows_share_interval_and_n_without_prefer_not_to_say(client, home):
    two_waves()
    page = client.get("/surveys/results/acceptance/")
    assert page.status_code == 200
    text = page.text
    # 56 of 70 answering (3 preferring not to say are left out): 80%, Wilson 69%–88%.
    assert "80%" in text and "69% – 88%" in text
    # 48 of 80: 60%, Wilson 49%–70%; the change +20 points, Newcombe +5 to +33.
    assert "60%" in text and "49% – 70%" in text
    assert "+20" in text and "+5 – +33" in text
    assert "“prefer not to say” is left out of the share" in text
    assert "73 responses" in text and "87 responses" in text
    assert 'role="img"' in text and "<table" in text


def test_the_impact_page_shows_each_wave_and_the_difference(client, home):
    two_waves()
    page = client.get("/impact/")
    assert page.status_code == 200
    assert 'data-survey-panel="acceptance"' in page.text
    assert "69% – 88%" in page.text and "+5 – +33" in page.text


def test_a_wave_not_yet_open_is_not_reported(client, home):
    survey, _, _ = two_waves()
    today = timezone.localdate()
    SurveyWaveFactory(
        survey=survey,
        name="Next year",
        opens_on=today + datetime.timedelta(days=300),
        closes_on=today + datetime.timedelta(days=330),
    )
    assert "Next year" not in client.get("/surveys/results/acceptance/").text


def test_breakdowns_hide_when_any_group_has_fewer_than_thirty(client, home):
    survey = StandardSurveyFactory(slug="split")
    wave = SurveyWaveFactory(survey=survey)
    answer_all(wave, agree=40, disagree=10, age_band="16-24")
    answer_all(wave, agree=20, disagree=9, age_band="65+")  # 29 answers: too few
    answer_all(wave, agree=31, region="GB-MAN")
    text = client.get("/surveys/results/split/").text
    assert text.count("Too few responses to show") == 2  # age: one cell of 29; region: one group only
    answer_all(wave, disagree=1, age_band="65+")
    answer_all(wave, agree=30, region="GB-LIV")
    text = client.get("/surveys/results/split/").text
    assert "Too few responses to show" not in text
    assert "16 to 24" in text and "65 or over" in text and "Manchester" in text


def test_the_csv_holds_aggregates_only_and_guards_formulas(client, home):
    survey, _, _ = two_waves()
    Question.objects.filter(survey=survey, key="people_can_change").update(text="=HYPERLINK(1)")
    response = client.get("/surveys/results/acceptance/results.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert len(rows) == 1 + 2 * 5  # a header, then one row per wave and question: never a sheet
    header, first = rows[0], rows[1]
    assert header[:5] == ["wave", "opens on", "question key", "question", "answered"]
    assert first[0] == "Before" and first[4:7] == ["80", "7", "48"]
    assert first[7:] == ["0.6000", "0.4905", "0.7004"]
    assert any(row[3] == "'=HYPERLINK(1)" for row in rows)


def test_results_queries_do_not_grow_with_responses(client, home):
    survey, before, after = two_waves()

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    urls = [
        "/surveys/results/acceptance/",
        "/surveys/results/acceptance/results.csv",
        "/impact/",
        "/surveys/after/",
    ]
    client.get("/impact/")  # the impact figures are counted once, then cached
    few = [count(url) for url in urls]
    answer_all(before, agree=300, disagree=200, age_band="25-44", region="GB-MAN")
    answer_all(after, agree=400, disagree=100, age_band="45-64", region="GB-LIV")
    many = [count(url) for url in urls]
    assert few == many
    assert max(many[:2] + many[3:]) <= 12
