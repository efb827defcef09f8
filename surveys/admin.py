"""The Wagtail admin's survey actions: "create from the standard scale" (one POST) and the
results of a survey for staff (the same aggregated panel as the public, with breakdowns)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import STANDARD_SCALE, Question, QuestionKind, Survey
from .panels import results_panel
from .statistics import MIN_CELL

ADD = "surveys.add_survey"
VIEW = "surveys.view_survey"


def can_view_results(user):
    return user.is_active and user.has_perm(VIEW)


def create_standard_survey(title=None):
    """A new survey asking the standard acceptance scale, its keys fixed so waves compare."""
    stamp = timezone.localdate().isoformat()
    base = f"acceptance-{stamp}"
    slug, n = base, 1
    while Survey.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    with transaction.atomic():
        survey = Survey.objects.create(
            title=title or _("Public acceptance of former prisoners"),
            slug=slug,
            ask_age_band=True,
            ask_region=True,
        )
        Question.objects.bulk_create(
            Question(survey=survey, key=key, kind=QuestionKind.LIKERT, sort_order=position)
            for position, key in enumerate(STANDARD_SCALE)
        )
    return survey


class StandardScaleView(View):
    http_method_names = ["post"]

    def post(self, request):
        if not (request.user.is_active and request.user.has_perm(ADD)):
            raise PermissionDenied
        survey = create_standard_survey()
        messages.success(request, _("Survey created from the standard scale. Open a wave to start asking."))
        return redirect(reverse("wagtailsnippets_surveys_survey:edit", args=[survey.pk]))


class SurveyResultsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "surveys/admin/results.html"
    page_title = gettext_lazy("Survey results")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_results(request.user):
            raise PermissionDenied
        self.survey = get_object_or_404(Survey, pk=kwargs["survey_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.survey.title

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, **results_panel(self.survey), min_cell=MIN_CELL)
