"""The awards in the Wagtail admin: rounds (awards/admin/rounds.py), the judging pages and staff's
nomination form (awards/admin/panel.py). Registration only."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from awards.admin import panel
from awards.admin.rounds import AwardRoundViewSet


@hooks.register("register_admin_viewset")
def register_award_rounds():
    return AwardRoundViewSet()


@hooks.register("register_admin_urls")
def awards_admin_urls():
    return [
        path("awards/", panel.MyRoundsView.as_view(), name="awards_rounds"),
        path("awards/nominate/", panel.StaffNominationView.as_view(), name="awards_nominate"),
        path("awards/judging/<int:round_id>/", panel.RoundJudgingView.as_view(), name="awards_judging"),
        path("awards/nominations/<int:nomination_id>/score/", panel.ScoreView.as_view(), name="awards_score"),
        path(
            "awards/nominations/<int:nomination_id>/winner/",
            panel.ChooseWinnerView.as_view(),
            name="awards_winner",
        ),
    ]


class JudgingMenuItem(MenuItem):
    def is_shown(self, request):
        return panel.judges_anything(request.user)


@hooks.register("register_admin_menu_item")
def awards_menu_item():
    return JudgingMenuItem(_("Awards"), reverse("awards_rounds"), icon_name="success", order=480)
