"""Nominating an employer, whoever does it (staff, a programme provider, the employer itself):
one place that checks the round is open, the category fits the employer's size and the employer
is verified, and attaches the pledge's figures (counts only) at nomination time."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from awards.models import AwardRound, Category, Nomination, RoundRefused


def open_categories():
    """The categories of every round open for nominations, in order."""
    return (
        Category.objects.filter(round__in=AwardRound.objects.open_for_nominations())
        .select_related("round")
        .order_by("-round__year", "round__pk", "sort_order", "pk")
    )


def categories_for(employer):
    return [category for category in open_categories() if category.admits(employer)]


def nominate(*, category, employer, statement, nominated_by, nominator, provider=None):
    """The new nomination, its figures counted; RoundRefused with a reason for the nominator."""
    if not category.round.is_open:
        raise RoundRefused(_("Nominations for this round are closed."))
    if not employer.is_verified:
        raise RoundRefused(_("Only verified employers can be nominated."))
    if not category.admits(employer):
        raise RoundRefused(_("This category is for employers of another size."))
    try:
        with transaction.atomic():
            nomination = Nomination.objects.create(
                category=category,
                employer=employer,
                statement=statement,
                nominated_by=nominated_by,
                nominator=nominator,
                provider=provider,
            )
    except IntegrityError:
        raise RoundRefused(_("This employer is already nominated in this category.")) from None
    nomination.refresh_figures()
    return nomination
