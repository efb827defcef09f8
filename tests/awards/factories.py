"""Factories of the awards: a round with every category and three criteria, nominations, scores.

award_round = AwardRoundFactory(panel=[panellist])          # open for nominations
nomination = NominationFactory(category=award_round.categories.get(kind="medium"))
ScoreFactory(nomination=nomination, panellist=panellist)    # the round's first criterion
judged_round(...)                                            # a round through to its winners
"""

import datetime

import factory
from django.utils import timezone

from awards.models import AwardRound, Category, Criterion, Nomination, Score
from tests.employers.factories import EmployerFactory

CRITERIA = ["Fair recruitment", "Support in work", "Results"]


class AwardRoundFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Fair Chance Employer of the Year {2027 + n}")
    year = factory.Sequence(lambda n: 2027 + n)
    nominations_close_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))

    class Meta:
        model = AwardRound
        skip_postgeneration_save = True

    @factory.post_generation
    def categories(award_round, create, extracted, **kwargs):
        for order, kind in enumerate(extracted or Category.Kind.values):
            Category.objects.create(round=award_round, kind=kind, sort_order=order)

    @factory.post_generation
    def criteria(award_round, create, extracted, **kwargs):
        for order, title in enumerate(extracted or CRITERIA):
            Criterion.objects.create(
                round=award_round, title=title, description=f"About {title}.", sort_order=order
            )

    @factory.post_generation
    def panel(award_round, create, extracted, **kwargs):
        if extracted:
            award_round.panel.set(extracted)
            award_round.save()  # a ParentalManyToManyField is written on save


def category(award_round, kind=Category.Kind.MEDIUM):
    return award_round.categories.get(kind=kind)


class NominationFactory(factory.django.DjangoModelFactory):
    """A staff nomination in a new round's "most improved" category (open to every size)."""

    category = factory.LazyFunction(lambda: category(AwardRoundFactory(), Category.Kind.MOST_IMPROVED))
    employer = factory.SubFactory(EmployerFactory)
    nominated_by = Nomination.NominatedBy.STAFF
    statement = factory.Sequence(lambda n: f"AWARDSTATEMENT{n}: hired and kept people on.")

    class Meta:
        model = Nomination


def score_all(nomination, panellist, score=4, reason="Clear evidence in the statement."):
    for criterion in nomination.category.round.criteria.all():
        Score.objects.update_or_create(
            nomination=nomination,
            criterion=criterion,
            panellist=panellist,
            defaults={"score": score, "reason": reason},
        )
