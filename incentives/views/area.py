"""Saved incentive results in the employer area; every view goes through employers.permissions.

Saving re-evaluates the posted answers here (posted results are never trusted) and stores the raw
answers with a snapshot of each scheme's result and the scheme revision used.
"""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from employers.permissions import ANY_ROLE, employer_area
from incentives.eligibility import ELIGIBLE, NEED_MORE, NOT_ELIGIBLE, check
from incentives.facts import CATALOGUE, EXAMPLE_COUNTRY, describe_answer, parse_answer
from incentives.models import SavedIncentiveResult
from incentives.models.results import snapshot_of

OUTCOME_LABELS = {
    ELIGIBLE: gettext_lazy("Eligible"),
    NEED_MORE: gettext_lazy("Need more information"),
    NOT_ELIGIBLE: gettext_lazy("Not eligible"),
}


def typed_answers(raw_answers):
    """Raw strings (fact key → text) as typed answers; blank or unreadable answers are unknown."""
    typed = {}
    for key, raw in raw_answers.items():
        value = None
        for country in (None, EXAMPLE_COUNTRY):
            try:
                value = parse_answer(key, raw, country)
            except (ValueError, KeyError):
                continue
            break
        if value is not None:
            typed[key] = value
    return typed


def _results_of(request):
    return request.employer.incentive_results.select_related("job", "hire__graduate", "saved_by")


def _labelled(results):
    return [{**item, "outcome_label": OUTCOME_LABELS.get(item.get("outcome"), "")} for item in results]


@employer_area(roles=ANY_ROLE)
def saved_results(request):
    results = list(_results_of(request))
    return TemplateResponse(request, "incentives/area/incentive_results.html", {"saved_results": results})


@employer_area(roles=ANY_ROLE)
@require_POST
def save_result(request):
    # NUL is dropped: PostgreSQL cannot store it in JSON, and no answer needs it.
    raw = {
        key: request.POST.get(key, "").replace("\x00", "").strip()[:200]
        for key in CATALOGUE
        if key in request.POST
    }
    saved = SavedIncentiveResult.objects.create(
        employer=request.employer,
        saved_by=request.user,
        answers=raw,
        results=snapshot_of(check(typed_answers(raw))),
    )
    messages.success(request, _("The result is saved. You can attach it to a job or a hire."))
    return redirect("employers:incentive_result", result_id=saved.pk)


@employer_area(roles=ANY_ROLE)
def saved_result(request, result_id):
    result = get_object_or_404(_results_of(request), pk=result_id)
    employer = request.employer
    answers = [
        (CATALOGUE[key].question, describe_answer(key, value))
        for key, value in result.answers.items()
        if key in CATALOGUE and describe_answer(key, value)
    ]
    context = {
        "result": result,
        "schemes": _labelled(result.results),
        "answers": answers,
        "deadlines": list(result.deadlines.all()),
        "jobs": employer.jobs.order_by("-created_at"),
        "hires": employer.hires.select_related("graduate", "job"),
    }
    return TemplateResponse(request, "incentives/area/incentive_result.html", context)


def _own(objects, raw_id):
    """The organisation's object with this id, None for a blank id; 404 for anything else."""
    if not raw_id:
        return None
    if not (raw_id.isascii() and raw_id.isdigit()):
        raise Http404
    return get_object_or_404(objects, pk=raw_id)


@employer_area(roles=ANY_ROLE)
@require_POST
def attach_result(request, result_id):
    """Attach the result to one of the organisation's jobs or recorded hires (or detach it)."""
    result = get_object_or_404(request.employer.incentive_results, pk=result_id)
    job_id, hire_id = request.POST.get("job", "").strip(), request.POST.get("hire", "").strip()
    with transaction.atomic():
        if "job" in request.POST:
            result.job = _own(request.employer.jobs, job_id)
            result.save(update_fields=["job"])
            messages.success(request, _("Job attached.") if result.job else _("Job detached."))
        if "hire" in request.POST:
            result.hire = _own(request.employer.hires, hire_id)
            result.save(update_fields=["hire"])
            deadlines = result.schedule_deadlines()
            if result.hire:
                messages.success(
                    request,
                    _("Hire attached: %(count)s dated steps scheduled, with reminders.")
                    % {"count": len(deadlines)},
                )
            else:
                messages.success(request, _("Hire detached."))
    return redirect("employers:incentive_result", result_id=result.pk)
