"""Introductions in the partner area: suggesting a graduate for a job, answering an employer's
request, and the hires they lead to."""

from django.contrib import messages
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from employers.emails import owner_addresses
from jobs.models import JobListing
from matching.emails import send_event_email
from matching.models import Introduction
from matching.partner_panels import days_left, provider_introductions
from matching.views.hires import hire_from_introduction
from partners.forms import ReleaseForm, contact_suggestion
from partners.models import Graduate, PersonalDataAccess
from partners.permissions import ANY_ROLE, partner_area
from partners.views.area import Action, posted, provider_graduate
from portal.addresses import absolute_url


def _employer_job_url(request, job):
    return absolute_url(reverse("employers:job_matches", args=[job.pk]))


def _requester_addresses(introduction):
    """Whoever asked for the introduction, else the employer's owners."""
    user = introduction.requested_by
    if user is not None and user.email and introduction.job.employer.memberships.filter(user=user).exists():
        return [user.email]
    return owner_addresses(introduction.job.employer)


@partner_area(roles=ANY_ROLE)
def suggest(request, reference, job_id):
    """Put a graduate forward for a job. The graduate has agreed to it with their case worker, so the
    introduction is recorded as accepted at once, with the contact the staff chose to release."""
    graduate = provider_graduate(request, reference)
    job = get_object_or_404(JobListing.objects.published().select_related("employer"), pk=job_id)
    if not Graduate.objects.matchable().filter(pk=graduate.pk).exists():
        messages.error(
            request, _("Only a graduate who is seeking work and consents to matching can be suggested.")
        )
        return redirect("partners:graduate_detail", graduate.reference)
    existing = graduate.introductions.filter(
        job=job, status__in=[Introduction.Status.REQUESTED, Introduction.Status.ACCEPTED]
    ).first()
    if existing is not None:
        if existing.status == Introduction.Status.REQUESTED:
            messages.info(
                request, _("The employer has already asked to meet this graduate: answer the request.")
            )
            return redirect("partners:introduction", existing.pk)
        messages.info(request, _("This graduate is already introduced for this job."))
        return redirect("partners:graduate_detail", graduate.reference)
    form = ReleaseForm(posted(request), initial={"released_contact": contact_suggestion(graduate)})
    if request.method == "POST" and form.is_valid():
        now = timezone.now()
        try:
            introduction = Introduction.objects.create(
                job=job,
                graduate=graduate,
                origin=Introduction.Origin.PARTNER,
                requested_by=request.user,
                status=Introduction.Status.ACCEPTED,
                requested_at=now,
                answered_at=now,
                answered_by=request.user,
                released_contact=form.cleaned_data["released_contact"],
            )
        except IntegrityError:  # pragma: no cover - only an open request is unique
            messages.error(request, _("This graduate is already introduced for this job."))
            return redirect("partners:graduate_detail", graduate.reference)
        PersonalDataAccess.record(request, graduate, Action.RELEASE)
        send_event_email(
            "job_suggested",
            owner_addresses(job.employer),
            {
                "introduction": introduction,
                "job": job,
                "employer": job.employer,
                "provider": request.provider,
                "reference": graduate.reference,
                "job_url": _employer_job_url(request, job),
            },
        )
        messages.success(
            request,
            _("%(ref)s is suggested to %(employer)s for “%(job)s”; the employer is told by e-mail.")
            % {"ref": graduate.reference, "employer": job.employer.name, "job": job.title},
        )
        return redirect("partners:graduate_detail", graduate.reference)
    # The form is prefilled with the name and contact details: a view of personal data.
    PersonalDataAccess.record(request, graduate, Action.VIEW)
    context = {"graduate": graduate, "job": job, "form": form}
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "matching/partner/suggest.html", context, status=status)


@partner_area(roles=ANY_ROLE)
def introduction(request, introduction_id):
    intro = get_object_or_404(
        provider_introductions(request).select_related("graduate__personal_data"), pk=introduction_id
    )
    graduate = intro.graduate
    is_open = intro.status == Introduction.Status.REQUESTED
    form = ReleaseForm(
        request.POST if request.method == "POST" and "decline" not in request.POST else None,
        initial={"released_contact": contact_suggestion(graduate)},
    )
    if request.method == "POST" and is_open:
        context = {
            "introduction": intro,
            "job": intro.job,
            "employer": intro.job.employer,
            "provider": request.provider,
            "reference": graduate.reference,
            "job_url": _employer_job_url(request, intro.job),
        }
        if "decline" in request.POST:
            if intro.decline(request.user):
                send_event_email("introduction_declined", _requester_addresses(intro), context)
                messages.success(request, _("The request is declined; the employer is told politely."))
            else:
                messages.error(request, _("This request was answered or expired meanwhile."))
            return redirect("partners:dashboard")
        if "accept" in request.POST and form.is_valid():
            if intro.accept(request.user, form.cleaned_data["released_contact"]):
                PersonalDataAccess.record(request, graduate, Action.RELEASE)
                send_event_email("introduction_accepted", _requester_addresses(intro), context)
                messages.success(request, _("The introduction is accepted; the employer is told by e-mail."))
            else:
                messages.error(request, _("This request was answered or expired meanwhile."))
            return redirect("partners:dashboard")
        if "accept" not in request.POST:
            # Neither button was pressed (a crafted request): say what the page expects.
            form.add_error(None, _("Choose whether to accept or decline the request."))
    shows_personal_data = is_open or bool(intro.released_contact)
    if shows_personal_data:
        PersonalDataAccess.record(request, graduate, Action.VIEW)
    context = {
        "introduction": intro,
        "graduate": graduate,
        "form": form,
        "is_open": is_open,
        "days_left": days_left(intro, timezone.now()),
        "hire": getattr(intro, "hire", None),
        "may_record_hire": intro.status == Introduction.Status.ACCEPTED and not graduate.is_erased,
    }
    status = 400 if request.method == "POST" and is_open else 200
    return TemplateResponse(request, "matching/partner/introduction.html", context, status=status)


@partner_area(roles=ANY_ROLE)
def hire(request, reference):
    """Hires are recorded from where they happen, an accepted introduction: this page lists them."""
    graduate = provider_graduate(request, reference)
    accepted = (
        graduate.introductions.filter(status=Introduction.Status.ACCEPTED, hire__isnull=True)
        .select_related("job__employer")
        .order_by("-answered_at")
    )
    context = {"graduate": graduate, "introductions": accepted}
    return TemplateResponse(request, "matching/partner/hire.html", context)


@partner_area(roles=ANY_ROLE)
def introduction_hire(request, introduction_id):
    """Record the hire an accepted introduction led to: the job and the graduate are fixed."""
    intro = get_object_or_404(
        provider_introductions(request).filter(
            status=Introduction.Status.ACCEPTED, graduate__erased_at__isnull=True
        ),
        pk=introduction_id,
    )
    return hire_from_introduction(
        request,
        intro,
        template="matching/partner/introduction_hire.html",
        done_url=reverse("partners:graduate_detail", args=[intro.graduate.reference]),
        extra={"graduate": intro.graduate},
    )
