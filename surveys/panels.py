"""What a results panel shows (public page, /impact/, staff dashboard): the shares of each wave
with their intervals, the line over waves, the differences between waves, the breakdowns."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .charts import share_bars, trend_lines
from .models import Survey
from .results import breakdown, survey_results


def results_panel(survey, with_breakdowns=True):
    waves, trends = survey_results(survey)
    for result in waves:
        result.chart = share_bars(
            f"survey-{survey.pk}-wave-{result.wave.pk}",
            result.wave.name,
            [(question.question.wording, question.share) for question in result.questions],
        )
        result.breakdowns = []
        if with_breakdowns:
            if survey.ask_age_band:
                result.breakdowns.append(breakdown(result.wave, "age_band", _("By age")))
            if survey.ask_region:
                result.breakdowns.append(breakdown(result.wave, "region", _("By region")))
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
