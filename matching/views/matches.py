"""Matched graduates for a job, in the employer area: anonymised, explained, with introductions.

Every view goes through employers.permissions; the job is looked up within request.employer.jobs
(another organisation's job is a 404). Graduates appear only as their reference and anonymised
profile (matching.scoring.attach_profiles); personal data never reaches this page. Once an
introduction for this job is accepted, the contact details the staff released and the
graduate's personal statement are shown for that graduate.
"""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from employers.permissions import ANY_ROLE, employer_area
from matching.emails import send_event_email
from matching.forms import IntroductionRequestForm
from matching.models import Hire, Introduction
from matching.scoring import graduates_for_job, match_for
from matching.signals import matches_shown
from matching.views.hires import hire_from_introduction
from partners.models import Graduate, PersonalDataAccess, ProviderStaff

MATCH_LIMIT = 50


def _job(request, job_id):
    return get_object_or_404(request.employer.jobs.select_related("employer"), pk=job_id)


def _page(request, job, form=None, form_for=None, status=200):
    matches = graduates_for_job(job, limit=MATCH_LIMIT) if job.is_public else []
    introductions = {}
    if matches:
        for introduction in Introduction.objects.filter(
            job=job, graduate__in=[m.graduate.pk for m in matches]
        ).order_by("requested_at"):
            # The latest of each graduate's introductions wins (ordered oldest first).
            introductions[introduction.graduate_id] = introduction
    for match in matches:
        match.introduction = introductions.get(match.graduate.pk)
        match.accepted = bool(
            match.introduction and match.introduction.status == Introduction.Status.ACCEPTED
        )
        reference = match.graduate.reference
        match.form = form if form_for == reference else IntroductionRequestForm(auto_id=_auto_id(reference))
    # Accepted introductions stay listed whatever happens to the ranking (placed, dropped out).
    ranked = {match.graduate.pk for match in matches}
    accepted_elsewhere = [
        introduction
        for introduction in Introduction.objects.filter(
            job=job, status=Introduction.Status.ACCEPTED, graduate__erased_at__isnull=True
        )
        .select_related("graduate")
        .order_by("-answered_at")
        if introduction.graduate_id not in ranked
    ]
    context = {
        "employer": request.employer,
        "job": job,
        "hired_introductions": set(
            Hire.objects.filter(introduction__job=job).values_list("introduction_id", flat=True)
        ),
        "matches": matches,
        "match_limit": MATCH_LIMIT,
        "accepted_elsewhere": accepted_elsewhere,
        # The person asked to be forgotten (or the retention rules erased them): the reference only.
        "withdrawn": Introduction.objects.filter(
            job=job,
            graduate__erased_at__isnull=False,
            status__in=[Introduction.Status.ACCEPTED, Introduction.Status.WITHDRAWN],
        )
        .select_related("graduate")
        .order_by("-answered_at"),
    }
    return TemplateResponse(request, "matching/area/job_matches.html", context, status=status)


@employer_area(roles=ANY_ROLE)
def job_matches(request, job_id):
    job = _job(request, job_id)
    response = _page(request, job)
    # The contact details released to this employer are the graduate's personal data: each showing
    # is recorded, so the graduate's programme can see who saw them and when.
    context = response.context_data
    shown = [m.graduate for m in context["matches"] if m.accepted and m.introduction.released_contact]
    shown += [i.graduate for i in context["accepted_elsewhere"] if i.released_contact]
    for graduate in shown:
        PersonalDataAccess.record(request, graduate, PersonalDataAccess.Action.VIEW)
    matches_shown.send(sender=type(job), job=job, count=len(response.context_data["matches"]))
    return response


def _staff_addresses(provider):
    return list(
        ProviderStaff.objects.filter(provider=provider, user__is_active=True)
        .order_by("user__email")
        .values_list("user__email", flat=True)
    )


@employer_area(roles=ANY_ROLE)
def request_introduction(request, job_id, reference):
    job = _job(request, job_id)
    graduate = Graduate.objects.matchable().select_related("provider").filter(reference=reference).first()
    if graduate is None or not job.is_public or match_for(job, graduate) is None:
        raise Http404("No such graduate among this job's matches.")
    matches_url = reverse("employers:job_matches", args=[job.pk])
    if request.method != "POST":
        return redirect(f"{matches_url}#graduate-{graduate.reference}")
    if Introduction.objects.open().filter(job=job, graduate=graduate).exists():
        messages.info(request, _already_asked(graduate))
        return redirect(f"{matches_url}#graduate-{graduate.reference}")
    form = IntroductionRequestForm(request.POST, auto_id=_auto_id(graduate.reference))
    if not form.is_valid():
        return _page(request, job, form=form, form_for=graduate.reference, status=400)
    try:
        with transaction.atomic():
            introduction = Introduction.objects.create(
                job=job,
                graduate=graduate,
                origin=Introduction.Origin.EMPLOYER,
                requested_by=request.user,
                message=form.cleaned_data["message"],
            )
    except IntegrityError:  # a colleague asked at the same moment
        messages.info(request, _already_asked(graduate))
        return redirect(f"{matches_url}#graduate-{graduate.reference}")
    send_event_email(
        "introduction_requested",
        _staff_addresses(graduate.provider),
        {
            "introduction": introduction,
            "job": job,
            "employer": request.employer,
            "graduate_reference": graduate.reference,
            "message": introduction.message,
        },
    )
    messages.success(
        request,
        _(
            "Your request to meet %(reference)s is on its way to the programme staff. They will ask the "
            "person and record the answer; we will tell you either way. Unanswered requests expire after 14 days."
        )
        % {"reference": graduate.reference},
    )
    return redirect(f"{matches_url}#graduate-{graduate.reference}")


def _auto_id(reference):
    """Each graduate's form gets its own field ids (several forms share the page)."""
    return f"id_{reference}_%s"


def _already_asked(graduate):
    return _(
        "You have already asked to meet %(reference)s about this job, and the programme staff have "
        "not answered yet. There is no need to ask again: we will tell you as soon as they do."
    ) % {"reference": graduate.reference}


@employer_area(roles=ANY_ROLE)
def introduction_hire(request, job_id, introduction_id):
    """Record the hire of a graduate introduced for one of the organisation's jobs."""
    job = _job(request, job_id)
    intro = get_object_or_404(
        job.introductions.filter(
            status=Introduction.Status.ACCEPTED, graduate__erased_at__isnull=True
        ).select_related("graduate", "job__employer"),
        pk=introduction_id,
    )
    return hire_from_introduction(
        request,
        intro,
        template="matching/area/introduction_hire.html",
        done_url=f"{reverse('employers:job_matches', args=[job.pk])}#graduate-{intro.graduate.reference}",
        extra={"employer": request.employer},
    )
