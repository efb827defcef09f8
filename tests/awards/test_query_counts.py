"""/awards/ and a round's page cost the same number of queries however many nominations, winners
and rounds stand behind them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from awards.models import Category
from tests.awards.factories import AwardRoundFactory, NominationFactory, category, score_all
from tests.employers.factories import EmployerFactory, VerifiedUserFactory

pytestmark = pytest.mark.django_db
BUDGET = 12


def published_round(size):
    award_round = AwardRoundFactory()
    judge = VerifiedUserFactory()
    for kind in (Category.Kind.MOST_IMPROVED, Category.Kind.RETENTION):
        for _ in range(size):
            score_all(
                NominationFactory(category=category(award_round, kind), employer=EmployerFactory()), judge
            )
    award_round.start_judging()
    award_round.publish_shortlist()
    for kind in (Category.Kind.MOST_IMPROVED, Category.Kind.RETENTION):
        category(award_round, kind).nominations.shortlisted().first().choose_as_winner()
    award_round.publish_winners()
    return award_round


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_awards_pages_cost_the_same_with_more_nominations(client, home):
    small = published_round(1)
    counts_small = (queries_for(client, "/awards/"), queries_for(client, small.get_absolute_url()))
    for _ in range(2):
        published_round(4)
    large = published_round(6)
    counts_large = (queries_for(client, "/awards/"), queries_for(client, large.get_absolute_url()))
    assert counts_small == counts_large, (counts_small, counts_large)
    assert max(counts_large) <= BUDGET
