"""What a results panel shows (public page, /impact/, staff dashboard): the shares of each wave
with their intervals, the line over waves, the differences between waves, the breakdowns."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .charts import share_bars, trend_lines
from .models import Survey
from .results import breakdowns, survey_results


def results_panel(survey, with_breakdowns=True):
    questions = list(survey.questions.all())
    waves, trends = survey_results(survey, questions=questions)
    dimensions = []
    if with_breakdowns and survey.ask_age_band:
        dimensions.append(breakdowns([w.wave for w in waves], questions, "age_band", _("By age")))
    if with_breakdowns and survey.ask_region:
        dimensions.append(breakdowns([w.wave for w in waves], questions, "region", _("By region")))
    for result in waves:
        result.chart = share_bars(
            f"survey-{survey.pk}-wave-{result.wave.pk}",
            result.wave.name,
            [(question.question.wording, question.share) for question in result.questions],
        )
        result.breakdowns = [found[result.wave.pk] for found in dimensions]
    trend_chart = None
    if len(waves) > 1:
        trend_chart = trend_lines(
            f"survey-{survey.pk}-trend",
            _("Share agreeing, wave by wave"),
            [w.wave.name for w in waves],
            trends,
        )
    return {"survey": survey, "waves": waves, "trends": trends, "trend_chart": trend_chart}


def public_surveys():
    """Surveys with at least one wave that has opened, for /impact/."""
    return Survey.objects.filter(waves__opens_on__lte=timezone.localdate()).distinct().order_by("title")
