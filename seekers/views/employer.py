"""Job seekers in the employer area (included by employers/urls/area.py, "employers:..."):
the findable seekers that match a job, anonymised and explained, introduction requests, and a
seeker's profile and CV once the employer has a ground to see them (seekers.access: an accepted
introduction, or what the apps above add). Every showing of a profile or CV is audited.
"""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from employers.permissions import ANY_ROLE, employer_area
from seekers import access, emails
from seekers.cvs import cv_response
from seekers.forms import IntroductionRequestForm
from seekers.matches import match_for_seeker, seekers_for_job
from seekers.models import JobSeeker, SeekerIntroduction

MATCH_LIMIT = 50


def _job(request, job_id):
    return get_object_or_404(request.employer.jobs.select_related("employer"), pk=job_id)


def _page(request, job, form=None, form_for=None, status=200):
    matches = seekers_for_job(job, limit=MATCH_LIMIT) if job.is_public else []
    latest = {}
    for introduction in SeekerIntroduction.objects.filter(
        job=job, seeker__in=[match.graduate.pk for match in matches]
    ).order_by("requested_at"):
        latest[introduction.seeker_id] = introduction  # the latest of each seeker's wins
    for match in matches:
        reference = match.graduate.reference
        match.introduction = latest.get(match.graduate.pk)
        match.form = form if form_for == reference else IntroductionRequestForm(auto_id=f"id_{reference}_%s")
    context = {"job": job, "matches": matches, "match_limit": MATCH_LIMIT}
    return TemplateResponse(request, "seekers/employer/job_seekers.html", context, status=status)


@employer_area(roles=ANY_ROLE)
def job_seekers(request, job_id):
    return _page(request, _job(request, job_id))


@employer_area(roles=ANY_ROLE)
def request_introduction(request, job_id, reference):
    job = _job(request, job_id)
    seeker = JobSeeker.objects.findable().filter(reference=reference).select_related("user").first()
    if seeker is None or not job.is_public or match_for_seeker(job, seeker) is None:
        raise Http404("No such job seeker among this job's matches.")
    page = reverse("employers:job_seekers", args=[job.pk]) + f"#seeker-{seeker.reference}"
    if request.method != "POST":
        return redirect(page)
    form = IntroductionRequestForm(request.POST, auto_id=f"id_{reference}_%s")
    if not form.is_valid():
        return _page(request, job, form=form, form_for=reference, status=400)
    try:
        with transaction.atomic():
            introduction = SeekerIntroduction.objects.create(
                job=job, seeker=seeker, requested_by=request.user, message=form.cleaned_data["message"]
            )
    except IntegrityError:  # asked already (or a colleague did at the same moment)
        messages.info(
            request,
            _("An introduction to %(reference)s is already asked or accepted.") % {"reference": reference},
        )
        return redirect(page)
    emails.introduction_requested(introduction)
    messages.success(
        request,
        _("Your request is sent to %(reference)s, who will accept or decline it.") % {"reference": reference},
    )
    return redirect(page)


def _visible_seeker(request, reference, seekers=access.visible_to_employer):
    seeker = seekers(request.employer).filter(reference=reference).select_related("user").first()
    if seeker is None:
        raise Http404("No such job seeker for this organisation.")
    return seeker


@employer_area(roles=ANY_ROLE)
def seeker_profile(request, reference):
    seeker = _visible_seeker(request, reference)
    access.record_view(request, seeker, "profile", employer=request.employer)
    context = {
        "seeker": seeker,
        "skills": list(seeker.skills.all()),
        "certifications": list(seeker.certifications.all()),
        "work_history": list(seeker.work_history.all()),
        "cv_url": reverse("employers:seeker_cv", args=[seeker.reference])
        if seeker.has_cv and access.cv_visible_to_employer(request.employer).filter(pk=seeker.pk).exists()
        else "",
        "email": seeker.user.email if seeker.user_id else "",
        "introductions": list(
            seeker.introductions.filter(job__employer=request.employer)
            .select_related("job")
            .order_by("-requested_at")
        ),
    }
    return TemplateResponse(request, "seekers/employer/seeker_profile.html", context)


@employer_area(roles=ANY_ROLE)
def seeker_cv(request, reference):
    seeker = _visible_seeker(request, reference, seekers=access.cv_visible_to_employer)
    if not seeker.has_cv:
        raise Http404("No CV.")
    access.record_view(request, seeker, "cv", employer=request.employer)
    return cv_response(seeker)
