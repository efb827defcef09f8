"""Surveys and waves as snippets, the standard-scale action and the results page. Registration only."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin import StandardScaleView, SurveyResultsView, can_view_results
from .models import Survey, SurveyWave


class SurveyViewSet(SnippetViewSet):
    model = Survey
    icon = "list-ul"
    list_display = ["title", "slug"]
    search_fields = ["title"]
    index_template_name = "surveys/admin/survey_index.html"


class SurveyWaveViewSet(SnippetViewSet):
    model = SurveyWave
    icon = "date"
    list_display = ["name", "survey", "opens_on", "closes_on"]
    list_filter = ["survey"]
    search_fields = ["name"]


class SurveysGroup(SnippetViewSetGroup):
    menu_label = _("Surveys")
    menu_icon = "list-ul"
    items = (SurveyViewSet, SurveyWaveViewSet)


register_snippet(SurveysGroup)


@hooks.register("register_admin_urls")
def surveys_admin_urls():
    return [
        path("surveys/standard/", StandardScaleView.as_view(), name="surveys_standard"),
        path("surveys/<int:survey_id>/results/", SurveyResultsView.as_view(), name="surveys_results"),
    ]


@hooks.register("register_snippet_listing_buttons")
def results_button(snippet, user, next_url=None):
    if isinstance(snippet, Survey) and can_view_results(user):
        yield Button(
            _("Results"), reverse("surveys_results", args=[snippet.pk]), icon_name="table", priority=20
        )
