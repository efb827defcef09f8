"""The applications inbox of each job in the employer area (included by employers/urls/area.py,
"employers:..."): the list, one application (opening it marks it viewed and is audited), the CV
the seeker chose to send, and the steps: shortlist, invite to an interview, offer, not this time,
record the hire.

Applications are looked up within the job, and the job within request.employer, so another
organisation's application is a 404 before anything is read. State changes only by POST.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from applications.access import sent_cv, sent_profile
from applications.forms import HireForm, InterviewForm, OfferForm, TurnDownForm
from applications.models import Application
from employers.permissions import ANY_ROLE, employer_area
from seekers import access
from seekers.cvs import cv_response


def _job(request, job_id):
    return get_object_or_404(request.employer.jobs.select_related("employer"), pk=job_id)


def _application(request, job_id, application_id):
    job = _job(request, job_id)
    application = get_object_or_404(
        Application.objects.to_employer(request.employer)
        .filter(job=job)
        .select_related("seeker__user", "job__employer"),
        pk=application_id,
    )
    return job, application


def _detail_url(application):
    return reverse("employers:application", args=[application.job_id, application.pk])


@employer_area(roles=ANY_ROLE)
def inbox(request, job_id):
    job = _job(request, job_id)
    applications = list(job.applications.select_related("seeker").order_by("-sent_at", "-pk"))
    context = {
        "job": job,
        "applications": applications,
        "open_count": sum(1 for application in applications if application.is_open),
    }
    return TemplateResponse(request, "applications/employer/inbox.html", context)


def _detail_context(request, job, application, **forms):
    seeker = application.seeker
    context = {
        "job": job,
        "application": application,
        "seeker": seeker,
        "shows_profile": sent_profile(application),
        "cv_url": (
            reverse("employers:application_cv", args=[job.pk, application.pk]) if sent_cv(application) else ""
        ),
        "steps": list(application.history.all()),
        "interview_form": forms.get("interview_form") or InterviewForm(auto_id="id_interview_%s"),
        "offer_form": forms.get("offer_form") or OfferForm(auto_id="id_offer_%s"),
        "turn_down_form": forms.get("turn_down_form") or TurnDownForm(auto_id="id_turn_down_%s"),
        "may": {
            action: application.can(action)
            for action in ("shortlist", "invite", "offer", "hire", "turn_down")
        },
    }
    if context["shows_profile"]:
        context.update(
            skills=list(seeker.skills.all()),
            certifications=list(seeker.certifications.all()),
            work_history=list(seeker.work_history.all()),
            email=seeker.user.email if seeker.user_id else "",
        )
    return context


def _detail_page(request, job, application, status=200, **forms):
    context = _detail_context(request, job, application, **forms)
    return TemplateResponse(request, "applications/employer/detail.html", context, status=status)


@employer_area(roles=ANY_ROLE)
def detail(request, job_id, application_id):
    job, application = _application(request, job_id, application_id)
    application.mark_viewed(request.user)
    # Each showing of what the seeker sent is written to their audit trail.
    access.record_view(request, application.seeker, "profile", employer=request.employer)
    return _detail_page(request, job, application)


@employer_area(roles=ANY_ROLE)
def cv(request, job_id, application_id):
    _job_, application = _application(request, job_id, application_id)
    if not sent_cv(application):
        raise Http404("No CV was sent with this application.")
    access.record_view(request, application.seeker, "cv", employer=request.employer)
    return cv_response(application.seeker)


def _moved(request, application, moved, done):
    if moved:
        messages.success(request, done)
    else:
        messages.info(request, _("This application has moved on meanwhile; here is where it stands."))
    return redirect(_detail_url(application))


@require_POST
@employer_area(roles=ANY_ROLE)
def shortlist(request, job_id, application_id):
    _job_, application = _application(request, job_id, application_id)
    return _moved(request, application, application.shortlist(request.user), _("Shortlisted."))


@require_POST
@employer_area(roles=ANY_ROLE)
def invite(request, job_id, application_id):
    job, application = _application(request, job_id, application_id)
    form = InterviewForm(request.POST, auto_id="id_interview_%s")
    if not form.is_valid():
        return _detail_page(request, job, application, status=400, interview_form=form)
    data = form.cleaned_data
    moved = application.invite(
        request.user, form.when, place=data["place"], link=data["link"], message=data["message"]
    )
    return _moved(request, application, moved, _("The invitation is sent."))


@require_POST
@employer_area(roles=ANY_ROLE)
def offer(request, job_id, application_id):
    job, application = _application(request, job_id, application_id)
    form = OfferForm(request.POST, auto_id="id_offer_%s")
    if not form.is_valid():
        return _detail_page(request, job, application, status=400, offer_form=form)
    moved = application.offer(request.user, message=form.cleaned_data["message"])
    return _moved(request, application, moved, _("The offer is sent."))


@require_POST
@employer_area(roles=ANY_ROLE)
def turn_down(request, job_id, application_id):
    job, application = _application(request, job_id, application_id)
    form = TurnDownForm(request.POST, auto_id="id_turn_down_%s")
    if not form.is_valid():
        return _detail_page(request, job, application, status=400, turn_down_form=form)
    moved = application.turn_down(request.user, form.cleaned_data["reason"], form.cleaned_data["message"])
    return _moved(request, application, moved, _("The person is told, with the reason you chose."))


@employer_area(roles=ANY_ROLE)
def hire(request, job_id, application_id):
    job, application = _application(request, job_id, application_id)
    if not application.can("hire"):
        messages.info(request, _("A hire is recorded after an interview or an offer."))
        return redirect(_detail_url(application))
    form = HireForm(request.POST if request.method == "POST" else None, application=application)
    if request.method == "POST" and form.is_valid():
        recorded = application.record_hire(
            request.user, form.cleaned_data["start_date"], form.cleaned_data["hours_per_week"]
        )
        done = _(
            "The hire is recorded. We will ask at 3, 6 and 12 months whether the person is still employed."
        )
        return _moved(request, application, recorded is not None, done)
    status = 400 if request.method == "POST" else 200
    context = {"job": job, "application": application, "form": form}
    return TemplateResponse(request, "applications/employer/hire.html", context, status=status)
