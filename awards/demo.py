"""Demo awards: last year's round with its shortlist and winners published (shown on the winners'
profiles and badges), and this year's round open for nominations, with nominations by staff, the
first demo provider and Northern Bricks & Mortar itself. The moderator sits on both panels."""

import datetime

from django.utils import timezone

from awards.models import AwardRound, Category, Nomination, Score
from awards.nominations import nominate
from employers.models import Employer
from partners.demo import FIRST_PROVIDER
from partners.models import ProgrammeProvider

CRITERIA = [
    ("Fair recruitment", "Records are asked about late, if at all, and judged on the role."),
    ("Support in work", "Mentoring, flexibility for probation appointments, a named contact."),
    ("Results", "Hires, people still in work after a year, progress reports on the pledge."),
]
KINDS = [kind for kind, _label in Category.Kind.choices]
STATEMENT = "Gave three of our graduates their first job after release and kept all of them on. (demo)"


def _round(year, closes_on, panel):
    award_round = AwardRound.objects.create(
        title=f"Fair Chance Employer of the Year {year}",
        year=year,
        introduction="Recognising employers who give people with a criminal record a fair chance.",
        nominations_close_on=closes_on,
    )
    for order, kind in enumerate(KINDS):
        Category.objects.create(round=award_round, kind=kind, sort_order=order)
    for order, (title, description) in enumerate(CRITERIA):
        award_round.criteria.create(title=title, description=description, sort_order=order)
    award_round.panel.set(panel)
    award_round.save()  # a ParentalManyToManyField is written on save
    return award_round


def _nominate_each(award_round, employers, by, **extra):
    made = []
    for employer in employers:
        category = next(c for c in award_round.categories.all() if c.admits(employer))
        if not Nomination.objects.filter(category=category, employer=employer).exists():
            made.append(
                nominate(category=category, employer=employer, statement=STATEMENT, nominator=by, **extra)
            )
    return made


def load(site):
    if AwardRound.objects.exists():
        return
    moderator, admin = site.users["moderator@example.org"], site.users["admin@example.org"]
    employers = list(Employer.objects.verified().order_by("pk")[:6])
    if not employers:
        return
    year = timezone.localdate().year
    past = _round(year - 1, datetime.date(year - 1, 9, 30), [moderator, admin])
    # Nominated while the round was open: its closing date is moved back afterwards.
    past.nominations_close_on = timezone.localdate()
    past.save()
    for nomination in _nominate_each(past, employers, moderator, nominated_by=Nomination.NominatedBy.STAFF):
        for number, criterion in enumerate(past.criteria.all()):
            for panellist in (moderator, admin):
                Score.objects.create(
                    nomination=nomination,
                    criterion=criterion,
                    panellist=panellist,
                    score=5 if nomination.employer == employers[0] else 3 + number % 2,
                    reason="Seen in the statement and the pledge's reports. (demo)",
                )
    past.start_judging()
    past.publish_shortlist()
    for category in past.categories.all():
        best = category.nominations.shortlisted().with_results().order_by("-mean_score", "pk").first()
        if best:
            best.choose_as_winner()
    past.publish_winners()
    AwardRound.objects.filter(pk=past.pk).update(nominations_close_on=datetime.date(year - 1, 9, 30))

    current = _round(year, timezone.localdate() + datetime.timedelta(days=60), [moderator, admin])
    _nominate_each(current, employers[1:3], moderator, nominated_by=Nomination.NominatedBy.STAFF)
    provider = ProgrammeProvider.objects.filter(name=FIRST_PROVIDER).first()
    if provider is not None:
        _nominate_each(
            current,
            employers[3:5],
            site.users.get("partner@example.org"),
            nominated_by=Nomination.NominatedBy.PROVIDER,
            provider=provider,
        )
    _nominate_each(
        current,
        employers[:1],
        site.users["employer@example.org"],
        nominated_by=Nomination.NominatedBy.EMPLOYER,
    )


def counts():
    return [f"{AwardRound.objects.count()} award rounds", f"{Nomination.objects.count()} award nominations"]
