"""The public side of surveys: a wave's answer sheet, its thanks page, and the aggregated results
(page and CSV). No view stores or logs who answered: the rate limit keeps counts in the cache
only, and the one-answer-per-browser cookie says "answered" and nothing else."""

import csv

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portal import ratelimit
from portal.spreadsheets import safe_cell

from .forms import AnswerSheetForm
from .models import Survey, SurveyWave
from .panels import results_panel
from .statistics import MIN_CELL

COOKIE_SALT = "surveys.answered"
COOKIE_MAX_AGE = 400 * 86400  # browsers cap cookies at 400 days


def cookie_name(wave):
    return f"survey-answered-{wave.pk}"


def has_answered(request, wave):
    return request.get_signed_cookie(cookie_name(wave), default=None, salt=COOKIE_SALT) == "yes"


def _wave(slug):
    return get_object_or_404(SurveyWave.objects.select_related("survey"), slug=slug)


def _render(request, wave, form=None, status=200, problem=None):
    return TemplateResponse(
        request,
        "surveys/wave.html",
        {"wave": wave, "survey": wave.survey, "form": form, "problem": problem},
        status=status,
    )


@never_cache
def wave(request, slug):
    wave = _wave(slug)
    today = timezone.localdate()
    if today < wave.opens_on:
        return _render(request, wave, problem="not_yet", status=404)
    if today > wave.closes_on:
        return _render(request, wave, problem="closed", status=410 if request.method == "POST" else 200)
    if has_answered(request, wave):
        return _render(request, wave, problem="answered", status=409 if request.method == "POST" else 200)
    if request.method != "POST":
        return _render(request, wave, AnswerSheetForm(wave=wave))
    form = AnswerSheetForm(request.POST, wave=wave)
    if not ratelimit.hit("survey", request, settings.SURVEY_RATE_LIMIT):
        form.is_valid()
        form.add_error(
            None, _("Too many answers have come from your connection. Please try again in an hour.")
        )
        return _render(request, wave, form, status=429)
    if not form.is_valid():
        return _render(request, wave, form, status=400)
    form.save()
    response = redirect("surveys:thanks", slug=wave.slug)
    response.set_signed_cookie(
        cookie_name(wave),
        "yes",
        salt=COOKIE_SALT,
        max_age=COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


@never_cache
def thanks(request, slug):
    wave = _wave(slug)
    return TemplateResponse(request, "surveys/thanks.html", {"wave": wave, "survey": wave.survey})


def results(request, slug):
    survey = get_object_or_404(Survey, slug=slug)
    panel = results_panel(survey)
    if not panel["waves"]:
        raise Http404
    response = TemplateResponse(request, "surveys/results.html", {**panel, "min_cell": MIN_CELL})
    response["Cache-Control"] = "public, max-age=300"
    return response


def results_csv(request, slug):
    """Aggregated figures only: per wave and question, the counts, the share and its interval."""
    survey = get_object_or_404(Survey, slug=slug)
    panel = results_panel(survey, with_breakdowns=False)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="survey-{survey.slug}.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            _("wave"),
            _("opens on"),
            _("question key"),
            _("question"),
            _("answered"),
            _("prefer not to say"),
            _("agreeing"),
            _("share agreeing"),
            _("95% interval, low"),
            _("95% interval, high"),
        ]
    )
    for result in panel["waves"]:
        for question in result.questions:
            share = question.share
            writer.writerow(
                [
                    safe_cell(result.wave.name),
                    result.wave.opens_on.isoformat(),
                    safe_cell(question.question.key),
                    safe_cell(str(question.question.wording)),
                    share.answered,
                    question.prefer_not,
                    share.positive,
                    "" if share.value is None else f"{share.value:.4f}",
                    "" if share.low is None else f"{share.low:.4f}",
                    "" if share.high is None else f"{share.high:.4f}",
                ]
            )
    return response
