"""The spent-conviction self-check: the answers for known cases, and mistakes answered next to
the question with what was chosen kept."""

import re
from html import unescape

import pytest

from record_guidance.models import SentenceBand, SpentRule
from record_guidance.selfcheck import NEVER, NOT_ENDED, NOT_YET, SPENT, assess
from tests.record_guidance.factories import example_rules

pytestmark = pytest.mark.django_db
URL = "/record-check/"


def text_of(response):
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", response.content.decode())))


@pytest.fixture
def places(db):
    return example_rules()


def answer(client, jurisdiction, sentence, years_since, prefix=""):
    return client.post(
        f"{prefix}{URL}",
        {"jurisdiction": jurisdiction.pk, "sentence": sentence, "years_since": str(years_since)},
    )


@pytest.mark.parametrize(
    ("years", "years_since", "kind", "years_left"),
    [
        (1, 0, NOT_YET, 1),
        (1, 1, SPENT, None),
        (4, 2, NOT_YET, 2),
        (4, 9, SPENT, None),
        (4, NOT_ENDED, NOT_YET, None),
        (0, 0, SPENT, None),
        (0, NOT_ENDED, NOT_YET, None),
        (None, 21, NEVER, None),
    ],
)
def test_assess(years, years_since, kind, years_left):
    outcome = assess(SpentRule(rehabilitation_years=years), years_since)
    assert (outcome.kind, outcome.years_left) == (kind, years_left)


class TestAnswers:
    def test_the_blank_page_asks_three_questions_and_says_it_is_no_legal_advice(self, client, home, places):
        response = client.get(URL)
        html, text = response.content.decode(), text_of(response)
        assert response.status_code == 200
        assert '<form method="post"' in html
        for question in ("Where were you sentenced?", "What was the sentence?", "When did the sentence end?"):
            assert question in text
        assert "This is not legal advice." in text
        assert "Your answers are not saved, logged or remembered" in text
        assert "data-outcome" not in html
        # Only places the example rules cover are offered.
        assert re.findall(r'<option value="\d+">([^<]+)</option>', html)[:2] == [
            "England and Wales",
            "Scotland",
        ]

    def test_likely_spent(self, client, home, places):
        england_and_wales, _scotland = places
        response = answer(client, england_and_wales, SentenceBand.UP_TO_12_MONTHS, 3)
        text = text_of(response)
        assert 'data-outcome="spent"' in response.content.decode()
        assert "Likely spent" in text
        assert "Example rule" in text
        assert (
            "Under the example rule for England and Wales, a conviction with this sentence (Prison for "
            "12 months or less) is spent about 1 year after the sentence ends." in text
        )
        assert "From what you told us, it is likely spent now." in text
        assert "For most jobs you do not have to mention a spent conviction" in text
        assert "standard or enhanced check" in text  # the exceptions, in plain words
        assert "Source: Telling an employer about your criminal record" in text

    def test_not_yet_spent_says_after_about_how_many_years(self, client, home, places):
        england_and_wales, _scotland = places
        text = text_of(answer(client, england_and_wales, SentenceBand.UP_TO_30_MONTHS, 1))
        assert "Not spent yet" in text
        assert "is spent about 4 years after the sentence ends" in text
        assert "it is likely to be spent in about 3 more years" in text
        assert "you must say yes" in text
        ongoing = text_of(answer(client, england_and_wales, SentenceBand.UP_TO_4_YEARS, NOT_ENDED))
        assert "likely to be spent after about 4 years from the end of your sentence" in ongoing

    def test_never_spent(self, client, home, places):
        _england_and_wales, scotland = places
        response = answer(client, scotland, SentenceBand.OVER_4_YEARS, 21)
        text = text_of(response)
        assert 'data-outcome="never"' in response.content.decode()
        assert "Never spent under this rule" in text
        assert "a conviction with this sentence (Prison for more than 4 years) is never spent" in text
        assert "If an employer asks about convictions, you must tell them" in text

    def test_the_answer_comes_in_the_visitors_language(self, client, home, places):
        england_and_wales, _scotland = places
        response = answer(client, england_and_wales, SentenceBand.UP_TO_12_MONTHS, 3, prefix="/fr")
        assert response.status_code == 200
        assert '<html lang="fr"' in response.content.decode()
        assert "Angleterre et pays de Galles" in text_of(response)

    def test_answers_in_the_address_are_not_answered(self, client, home, places):
        england_and_wales, _scotland = places
        response = client.get(
            URL, {"jurisdiction": england_and_wales.pk, "sentence": "over_4_years", "years_since": 2}
        )
        assert response.status_code == 200
        assert "data-outcome" not in response.content.decode()
        assert "There is a problem" not in text_of(response)


class TestMistakes:
    def test_nothing_chosen_is_answered_next_to_each_question(self, client, home, places):
        response = client.post(URL, {})
        text = text_of(response)
        # 200, not 400: Django logs 4xx responses with the request, whose body holds the answers.
        assert response.status_code == 200
        assert "There is a problem" in text
        for message in (
            "Choose where you were sentenced.",
            "Choose the sentence.",
            "Choose when the sentence ended.",
        ):
            assert message in text
        assert "data-outcome" not in response.content.decode()

    def test_what_was_chosen_is_kept(self, client, home, places):
        england_and_wales, _scotland = places
        response = client.post(URL, {"jurisdiction": england_and_wales.pk, "years_since": "5"})
        html = response.content.decode()
        assert "Choose the sentence." in text_of(response)
        assert f'<option value="{england_and_wales.pk}" selected>' in html
        assert '<option value="5" selected>' in html

    @pytest.mark.parametrize(
        "changes",
        [
            {"jurisdiction": "999999"},
            {"jurisdiction": "x"},
            {"sentence": "life"},
            {"years_since": "-7"},
            {"years_since": "1e9"},
        ],
    )
    def test_tampered_answers_are_refused_politely(self, client, home, places, changes):
        england_and_wales, _scotland = places
        data = {
            "jurisdiction": england_and_wales.pk,
            "sentence": "up_to_12_months",
            "years_since": "2",
            **changes,
        }
        response = client.post(URL, data)
        assert response.status_code == 200
        assert "There is a problem" in text_of(response)
        assert "data-outcome" not in response.content.decode()

    def test_a_sentence_without_an_example_rule_says_so(self, client, home, places):
        _england_and_wales, scotland = places
        response = answer(client, scotland, SentenceBand.UP_TO_12_MONTHS, 2)
        assert "There is no example rule for this sentence in Scotland yet." in text_of(response)
        assert "data-outcome" not in response.content.decode()


def test_the_self_check_costs_the_same_queries_however_many_rules(client, home, places):
    """The blank page and an answer: within the public pages' budget, and no dearer with more
    jurisdictions and rules behind them."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.record_guidance.factories import JurisdictionFactory, SpentRuleFactory

    england_and_wales, _scotland = places

    def costs():
        client.get(URL)
        found = []
        for send in (
            lambda: client.get(URL),
            lambda: answer(client, england_and_wales, "up_to_12_months", 3),
        ):
            with CaptureQueriesContext(connection) as queries:
                assert send().status_code == 200
            found.append(len(queries))
        return found

    few = costs()
    for number in range(6):
        more = JurisdictionFactory(name=f"Place {number}", regions=[])
        for band in SentenceBand.values:
            SpentRuleFactory(jurisdiction=more, band=band)
    assert costs() == few
    assert max(few) <= 12
