"""A round's life: nominations while open, the panel's scores while judged, the shortlist by mean
score, one winner per category, and what the public sees at each step."""

import datetime

import pytest
from django.db import IntegrityError
from django.utils import timezone

from awards.models import AwardRound, Category, Nomination, RoundRefused, Score
from awards.nominations import categories_for, nominate
from employers.models import ProgressReport
from tests.awards.factories import AwardRoundFactory, NominationFactory, category, score_all
from tests.employers.factories import (
    EmployerFactory,
    HiringPledgeFactory,
    PendingEmployerFactory,
    VerifiedUserFactory,
)
from tests.impact.factories import HireFactory

pytestmark = pytest.mark.django_db


def staff_nomination(award_round, employer, kind=Category.Kind.MOST_IMPROVED):
    return nominate(
        category=category(award_round, kind),
        employer=employer,
        statement="Kept everyone on.",
        nominated_by=Nomination.NominatedBy.STAFF,
        nominator=None,
    )


def test_size_categories_follow_the_size_bands():
    award_round = AwardRoundFactory()
    micro, medium, huge = (EmployerFactory(size_band=band) for band in ("1-9", "50-249", "1000+"))
    kinds = lambda employer: {c.kind for c in categories_for(employer)}  # noqa: E731
    assert kinds(micro) == {"small", "most-improved", "retention"}
    assert kinds(medium) == {"medium", "most-improved", "retention"}
    assert kinds(huge) == {"large", "most-improved", "retention"}
    with pytest.raises(RoundRefused, match="another size"):
        staff_nomination(award_round, micro, Category.Kind.LARGE)


def test_one_nomination_per_employer_per_category_per_round():
    award_round = AwardRoundFactory()
    employer = EmployerFactory()
    staff_nomination(award_round, employer)
    with pytest.raises(RoundRefused, match="already nominated"):
        staff_nomination(award_round, employer)
    staff_nomination(award_round, employer, Category.Kind.RETENTION)  # another category is fine
    staff_nomination(AwardRoundFactory(), employer)  # and another round
    with pytest.raises(IntegrityError):
        Nomination.objects.create(
            category=category(award_round, Category.Kind.MOST_IMPROVED),
            employer=employer,
            nominated_by="staff",
            statement="Again",
        )


def test_only_open_rounds_and_verified_employers():
    closed = AwardRoundFactory(nominations_close_on=timezone.localdate() - datetime.timedelta(days=1))
    with pytest.raises(RoundRefused, match="closed"):
        staff_nomination(closed, EmployerFactory())
    with pytest.raises(RoundRefused, match="verified"):
        staff_nomination(AwardRoundFactory(), PendingEmployerFactory())


def test_figures_are_counts_attached_at_nomination_and_refreshed_while_judging():
    employer = EmployerFactory()
    pledge = HiringPledgeFactory(employer=employer)
    for _ in range(5):
        ProgressReport.objects.create(pledge=pledge)
    HireFactory(job__employer=employer)
    award_round = AwardRoundFactory()
    nomination = staff_nomination(award_round, employer)
    assert (nomination.progress_reports, nomination.hires) == (5, 1)
    assert nomination.shown_progress_reports == 5
    assert str(nomination.shown_hires) == "fewer than 5"
    for _ in range(4):
        HireFactory(job__employer=employer)
    award_round.start_judging()
    nomination.refresh_from_db()
    assert nomination.hires == 5 and nomination.shown_hires == 5


def test_the_round_moves_one_way_and_shortlists_by_mean_score():
    panellist, other = VerifiedUserFactory(), VerifiedUserFactory()
    award_round = AwardRoundFactory(panel=[panellist, other])
    nominations = [staff_nomination(award_round, EmployerFactory()) for _ in range(5)]
    with pytest.raises(RoundRefused):
        award_round.publish_shortlist()
    award_round.start_judging()
    with pytest.raises(RoundRefused, match="scored"):
        award_round.publish_shortlist()
    for points, nomination in zip([1, 5, 2, 4, 3], nominations, strict=True):
        score_all(nomination, panellist, points)
        score_all(nomination, other, points)
    with pytest.raises(RoundRefused, match="at that step"):
        award_round.transition(AwardRound.Status.WINNERS)
    award_round.transition(AwardRound.Status.SHORTLISTED)
    shortlisted = set(Nomination.objects.shortlisted().values_list("pk", flat=True))
    assert shortlisted == {nominations[1].pk, nominations[3].pk, nominations[4].pk}
    with pytest.raises(RoundRefused, match="winner"):
        award_round.publish_winners()
    with pytest.raises(RoundRefused, match="shortlisted"):
        nominations[0].choose_as_winner()
    nominations[3].choose_as_winner()
    nominations[1].choose_as_winner()  # one winner per category: the choice moves
    assert list(Nomination.objects.winners()) == [nominations[1]]
    award_round.publish_winners()
    assert award_round.status == AwardRound.Status.WINNERS
    results = {n.pk: n for n in Nomination.objects.with_results()}
    assert results[nominations[1].pk].total_score == 30 and results[nominations[1].pk].mean_score == 5


def test_nothing_of_a_nomination_is_public_before_the_shortlist(client, home):
    nomination = NominationFactory()
    award_round = nomination.category.round
    page = client.get(award_round.get_absolute_url()).content.decode()
    assert nomination.employer.name not in page and "Fair recruitment" in page
    award_round.start_judging()
    score_all(nomination, VerifiedUserFactory())
    assert nomination.employer.name not in client.get(award_round.get_absolute_url()).content.decode()
    award_round.publish_shortlist()
    page = client.get(award_round.get_absolute_url()).content.decode()
    assert nomination.employer.name in page and nomination.statement not in page
    assert not Score.objects.filter(reason__in=[page]).exists()


def test_winners_show_on_the_profile_and_the_badge_and_past_rounds_stay_public(client, home):
    employer = EmployerFactory(name="Harbour Bakery")
    pledge = HiringPledgeFactory(employer=employer)
    award_round = AwardRoundFactory(year=2027, title="Fair Chance Employer of the Year 2027")
    nomination = staff_nomination(award_round, employer)
    assert "Award winner" not in client.get(employer.get_absolute_url()).content.decode()
    award_round.start_judging()
    score_all(nomination, VerifiedUserFactory())
    award_round.publish_shortlist()
    nomination.refresh_from_db()
    nomination.choose_as_winner()
    assert "Award winner" not in client.get(f"/pledges/{pledge.reference}/badge.svg").content.decode()
    award_round.publish_winners()
    profile = client.get(employer.get_absolute_url()).content.decode()
    assert "Award winner 2027" in profile and award_round.get_absolute_url() in profile
    badge = client.get(f"/pledges/{pledge.reference}/badge.svg").content.decode()
    assert "Award winner 2027" in badge and 'height="60"' in badge
    AwardRoundFactory(year=2028)  # a new round does not hide the last one
    index = client.get("/awards/").content.decode()
    assert "Harbour Bakery" in index and "Fair Chance Employer of the Year 2027" in index
    assert "Harbour Bakery" in client.get(award_round.get_absolute_url()).content.decode()
