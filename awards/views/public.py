"""The public awards pages at /awards/: every round with its categories and criteria (past rounds
stay public), and, once a round publishes them, its shortlist and winners. Nominations that were
not shortlisted, statements' authors and the panel's scores are never shown."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from awards.models import AwardRound, Nomination


def _public_nominations():
    return Nomination.objects.public().select_related("employer").order_by("-winner", "employer__name")


def awards_index(request):
    rounds = AwardRound.objects.for_visitors().prefetch_related(
        "categories",
        Prefetch(
            "categories__nominations",
            queryset=_public_nominations().filter(winner=True),
            to_attr="public_winners",
        ),
    )
    return render(request, "awards/public/index.html", {"rounds": rounds})


def round_detail(request, slug):
    award_round = get_object_or_404(
        AwardRound.objects.prefetch_related(
            "criteria",
            Prefetch("categories__nominations", queryset=_public_nominations(), to_attr="public_nominations"),
        ),
        slug=slug,
    )
    return render(request, "awards/public/round.html", {"award_round": award_round})
