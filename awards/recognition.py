"""What an employer's public profile and badge show of its awards (employers/honours.py): the
published wins, newest first, in one query."""

from django.utils.translation import gettext as _

from awards.models import Nomination
from employers.honours import Honour


def won_awards(employer):
    wins = Nomination.objects.public_winners().filter(employer=employer).select_related("category__round")
    return [
        Honour(
            label=_("Award winner %(year)s") % {"year": win.category.round.year},
            detail=_("%(round)s – %(category)s")
            % {"round": win.category.round.title, "category": win.category.get_kind_display()},
            url=win.category.round.get_absolute_url(),
        )
        for win in wins.order_by("-category__round__year", "category__sort_order")
    ]
