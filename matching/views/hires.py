"""Recording a hire from an accepted introduction, shared by the employer and the partner areas.

Each area's view looks the introduction up within what the user may act for (the employer's jobs,
the provider's graduates) and only among accepted ones, so anyone else gets a 404 before this runs.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from partners.forms import IntroductionHireForm


def hire_from_introduction(request, intro, template, done_url, extra=None):
    """The hire form of both areas (the caller has checked who may record it)."""
    existing = getattr(intro, "hire", None)
    if existing is not None:
        messages.info(request, _("The hire from this introduction is already recorded."))
        return redirect(done_url)
    form = IntroductionHireForm(request.POST if request.method == "POST" else None, introduction=intro)
    if request.method == "POST" and form.is_valid():
        recorded = intro.record_hire(
            request.user, form.cleaned_data["start_date"], form.cleaned_data["hours_per_week"]
        )
        if recorded is None:
            messages.info(request, _("The hire from this introduction is already recorded."))
        else:
            messages.success(
                request,
                _("The hire of %(ref)s for “%(job)s” is recorded: they are placed and leave matching.")
                % {"ref": intro.graduate.reference, "job": intro.job.title},
            )
        return redirect(done_url)
    context = {"introduction": intro, "job": intro.job, "form": form, **(extra or {})}
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, template, context, status=status)
