"""The public incentive pages: the schemes of the site's jurisdiction and the eligibility checker.

The checker works without JavaScript and without a session: each step is a GET form, answers from
the other steps travel in hidden inputs, and the result page's URL carries every answer, so it can
be bookmarked, shared and printed.
"""

from urllib.parse import urlencode

from django.shortcuts import redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from incentives.eligibility import (
    ELIGIBLE,
    MET,
    NEED_MORE,
    NOT_ELIGIBLE,
    NOT_MET,
    UNKNOWN,
    active_schemes,
    check,
    facts_needed,
)
from incentives.facts import EXAMPLE_COUNTRY, FactGroup
from incentives.forms import CheckerStepForm, raw_answers
from incentives.models.schemes import EXAMPLE_MARK

SAVE_FORM_TEMPLATE = "incentives/_save_form.html"
OUTCOME_LABELS = {
    ELIGIBLE: _("Eligible"),
    NOT_ELIGIBLE: _("Not eligible"),
    NEED_MORE: _("Need more information"),
}
STATUS_LABELS = {MET: _("Met"), NOT_MET: _("Not met"), UNKNOWN: _("Not known yet")}


def is_example(scheme):
    return scheme.country == EXAMPLE_COUNTRY or EXAMPLE_MARK in (scheme.summary or "")


def scheme_list(request):
    schemes = list(active_schemes())
    for scheme in schemes:
        scheme.is_example = is_example(scheme)
    return render(request, "incentives/scheme_list.html", {"schemes": schemes})


def _steps():
    """[(group code, group label, [Fact, ...]), ...] for the questions the active schemes need."""
    labels = dict(FactGroup.choices)
    return [(group, labels[group], facts) for group, facts in facts_needed(active_schemes()).items()]


def _step_number(value, count):
    """A 1-based step number from the query string, or None when it is missing or out of range."""
    try:
        number = int(str(value)[:6])
    except (TypeError, ValueError):
        return None
    return number if 1 <= number <= count else None


def _query(raw):
    return urlencode([(key, value) for key, value in raw.items() if value.strip()])


def _render_step(request, steps, number, form, raw, status=200):
    group, label, facts = steps[number - 1]
    asked = {fact.key for fact in facts}
    context = {
        "steps": steps,
        "step_number": number,
        "step_count": len(steps),
        "step_label": label,
        "form": form,
        "hidden_answers": [(key, value) for key, value in raw.items() if key not in asked and value.strip()],
    }
    return render(request, "incentives/checker.html", context, status=status)


def checker(request):
    steps = _steps()
    if not steps:
        return redirect("incentives:result")
    all_facts = [fact for _group, _label, facts in steps for fact in facts]
    raw = raw_answers(request.GET, all_facts)
    submitted = _step_number(request.GET.get("from"), len(steps))
    if submitted:
        if request.GET.get("go") == "back":
            target = max(1, submitted - 1)
        else:
            form = CheckerStepForm(steps[submitted - 1][2], data=raw)
            if not form.is_valid():
                return _render_step(request, steps, submitted, form, raw, status=400)
            target = submitted + 1
            if target > len(steps):
                query = _query(raw)
                return redirect(reverse("incentives:result") + (f"?{query}" if query else ""))
    else:
        target = _step_number(request.GET.get("step"), len(steps)) or 1
    form = CheckerStepForm(steps[target - 1][2], initial=raw)
    return _render_step(request, steps, target, form, raw)


def save_form_available():
    try:
        get_template(SAVE_FORM_TEMPLATE)
    except TemplateDoesNotExist:
        return False
    return True


def result(request):
    steps = _steps()
    all_facts = [fact for _group, _label, facts in steps for fact in facts]
    raw = raw_answers(request.GET, all_facts)
    answers = {}
    for number, (_group, _label, facts) in enumerate(steps, start=1):
        form = CheckerStepForm(facts, data=raw)
        if not form.is_valid():
            return _render_step(request, steps, number, form, raw, status=400)
        answers.update(form.cleaned_data)
    results = check(answers)
    for item in results:
        item.scheme.is_example = is_example(item.scheme)
        item.outcome_label = OUTCOME_LABELS[item.outcome]
        for condition in item.conditions:
            condition.status_label = STATUS_LABELS[condition.status]
    query = _query(raw)
    context = {
        "results": results,
        "answers": answers,
        "raw_answers": raw,
        "query_string": query,
        "change_url": reverse("incentives:check")
        + "?"
        + urlencode([("step", 1)])
        + (f"&{query}" if query else ""),
        "save_form_available": save_form_available(),
        "counts": {outcome: sum(1 for r in results if r.outcome == outcome) for outcome in OUTCOME_LABELS},
    }
    return render(request, "incentives/result.html", context)
