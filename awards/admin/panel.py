"""The judging of a round in the Wagtail admin: the round's page (nominations by category, the
panel's progress, the results once a person may see them, the POST actions that move the round
on and choose winners), the score sheet of one nomination, and staff's own nomination form.

Who may see and do what is awards/judging.py; every view here asks it first.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from awards import judging
from awards.forms import EmployerNominationForm, ScoreSheet, TransitionForm
from awards.models import AwardRound, Nomination, RoundRefused, Score
from awards.nominations import nominate, open_categories


class AwardsAdminView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "success"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def render_with(self, status=200, **context):
        response = self.render_to_response(self.get_context_data(**context))
        response.status_code = status
        return response


class RoundJudgingView(AwardsAdminView):
    template_name = "awards/admin/judging.html"
    page_title = gettext_lazy("Nominations and judging")

    def dispatch(self, request, *args, **kwargs):
        self.round = get_object_or_404(AwardRound.objects.prefetch_related("criteria"), pk=kwargs["round_id"])
        if not judging.can_open(request.user, self.round):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.round.title

    def nominations(self):
        user = self.request.user
        mine = Count("scores", filter=Q(scores__panellist=user))
        queryset = Nomination.objects.filter(category__round=self.round).select_related(
            "employer", "category", "provider"
        )
        if judging.sees_results(user, self.round):
            queryset = queryset.with_results()
        return list(
            queryset.annotate(my_scores=mine).order_by(
                "category__sort_order", "-shortlisted", "employer__name"
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, award_round = self.request.user, self.round
        manages = judging.can_manage(user)
        context.update(
            award_round=award_round,
            nominations=self.nominations(),
            criteria_count=len(award_round.criteria.all()),
            sees_results=judging.sees_results(user, award_round),
            can_score=judging.can_score(user, award_round),
            manages=manages,
            next_status=AwardRound.NEXT.get(award_round.status) if manages else None,
            chooses_winners=manages and award_round.status == AwardRound.Status.SHORTLISTED,
            panel_size=award_round.panel.count(),
        )
        if context["next_status"]:
            context["next_label"] = AwardRound.Status(context["next_status"]).label
        return context

    def post(self, request, *args, **kwargs):
        if not judging.can_manage(request.user):
            raise PermissionDenied
        form = TransitionForm(request.POST)
        try:
            if not form.is_valid():
                raise RoundRefused(_("This round is no longer at that step."))
            self.round.transition(form.cleaned_data["status"])
        except RoundRefused as refusal:
            messages.error(request, str(refusal))
            return self.render_with(status=400)
        messages.success(
            request, _("The round is now: %(status)s.") % {"status": self.round.get_status_display()}
        )
        return redirect("awards_judging", self.round.pk)


class ChooseWinnerView(AwardsAdminView):
    http_method_names = ["post"]

    def post(self, request, nomination_id):
        if not judging.can_manage(request.user):
            raise PermissionDenied
        nomination = get_object_or_404(
            Nomination.objects.select_related("category__round", "employer"), pk=nomination_id
        )
        try:
            nomination.choose_as_winner()
        except RoundRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                _("%(employer)s is the winner of “%(category)s”.")
                % {"employer": nomination.employer.name, "category": nomination.category.get_kind_display()},
            )
        return redirect("awards_judging", nomination.category.round_id)


class ScoreView(AwardsAdminView):
    """A panellist's own score sheet: nobody else's scores are read here."""

    template_name = "awards/admin/score.html"
    page_title = gettext_lazy("Score a nomination")

    def dispatch(self, request, *args, **kwargs):
        self.nomination = get_object_or_404(
            Nomination.objects.select_related("employer", "category__round"), pk=kwargs["nomination_id"]
        )
        self.round = self.nomination.category.round
        if not judging.is_panellist(request.user, self.round):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.nomination.employer.name

    def sheet(self, data=None):
        scores = Score.objects.filter(nomination=self.nomination, panellist=self.request.user)
        return ScoreSheet(
            data, criteria=self.round.criteria.all(), scores={score.criterion_id: score for score in scores}
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(nomination=self.nomination, award_round=self.round, editable=self.round.is_judging)
        context.setdefault("sheet", self.sheet())
        return context

    def get(self, request, *args, **kwargs):
        return self.render_with()

    def post(self, request, *args, **kwargs):
        sheet = self.sheet(request.POST)
        if not self.round.is_judging:
            messages.error(request, _("Judging has closed: scores can no longer be changed."))
            return self.render_with(status=400, sheet=sheet)
        if not sheet.is_valid():
            messages.error(request, _("Nothing was saved. Give a score and a reason for every criterion."))
            return self.render_with(status=400, sheet=sheet)
        sheet.save(self.nomination, request.user)
        messages.success(
            request,
            _("Your scores for %(employer)s are saved.") % {"employer": self.nomination.employer.name},
        )
        return redirect("awards_judging", self.round.pk)


class StaffNominationView(AwardsAdminView):
    template_name = "awards/admin/nominate.html"
    page_title = gettext_lazy("Nominate an employer")

    def dispatch(self, request, *args, **kwargs):
        if not judging.can_manage(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form(self, data=None):
        return EmployerNominationForm(data, categories=open_categories())

    def get(self, request, *args, **kwargs):
        return self.render_with(form=self.form())

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST)
        if form.is_valid():
            try:
                nomination = nominate(
                    category=form.cleaned_data["category"],
                    employer=form.cleaned_data["employer"],
                    statement=form.cleaned_data["statement"],
                    nominated_by=Nomination.NominatedBy.STAFF,
                    nominator=request.user,
                )
            except RoundRefused as refusal:
                form.add_error("category", str(refusal))
            else:
                messages.success(
                    request, _("%(employer)s is nominated.") % {"employer": nomination.employer.name}
                )
                return redirect("awards_judging", nomination.category.round_id)
        return self.render_with(status=400, form=form)


class MyRoundsView(AwardsAdminView):
    """The rounds a person judges or manages, the way in for panellists who hold no other
    permission on the awards."""

    template_name = "awards/admin/rounds.html"
    page_title = gettext_lazy("Award judging")

    def dispatch(self, request, *args, **kwargs):
        if not judges_anything(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        rounds = (
            AwardRound.objects.all() if judging.can_manage(user) else AwardRound.objects.filter(panel=user)
        )
        context["rounds"] = list(rounds.order_by("-year", "-pk"))
        context["manages"] = judging.can_manage(user)
        return context


def judges_anything(user):
    return user.is_active and (judging.can_manage(user) or AwardRound.objects.filter(panel=user).exists())
