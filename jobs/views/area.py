"""Job listings in the employer area: every view goes through employers.permissions.

Listings are always looked up within request.employer.jobs, so another organisation's listing is a
404. The states change only through JobListing.transition (jobs/models.py).
"""

import copy

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from employers.models import Employer
from employers.permissions import ANY_ROLE, employer_area
from jobs.forms import JobListingForm
from jobs.job_page_panels import listing_form_panels, wording_notes
from jobs.models import InvalidTransition, JobCertification, JobListing, JobSkill
from jobs.wording import find_deterring_phrases

Status = JobListing.Status
PER_PAGE = 25
NOT_EDITABLE = {Status.CLOSED, Status.EXPIRED}
RENEWABLE = {Status.PUBLISHED, Status.CLOSED, Status.EXPIRED}


def _job(request, job_id):
    """The listing, if it belongs to the organisation the user acts for; else 404."""
    return get_object_or_404(request.employer.jobs, pk=job_id)


def submit_refusal(employer, job):
    """Why this listing cannot be submitted for review now, or "" when it can."""
    if employer.status == Employer.Status.PENDING:
        return _(
            "Only verified organisations can submit listings for review. Campaign staff are checking "
            "your organisation; until then you can prepare drafts, and we will e-mail you when it is verified."
        )
    if employer.status != Employer.Status.VERIFIED:
        return _(
            "Your organisation is suspended, so its listings cannot be submitted for review. "
            "Contact us to resolve it."
        )
    if not job.can("submit"):
        if job.status == Status.REJECTED:
            return _("Edit the listing to answer the reviewers' reason first; it then returns to draft.")
        return _("Only a draft can be submitted for review; this listing is %(state)s.") % {
            "state": job.get_status_display().lower()
        }
    if job.closing_date and job.closing_date < timezone.localdate():
        return _("The closing date has passed. Edit the listing and give a new closing date first.")
    return ""


def allowed_actions(job, employer):
    """What the employer may do with the listing in its state (the buttons shown)."""
    actions = {"view", "preview"}
    if job.status not in NOT_EDITABLE:
        actions.add("edit")
    if job.can("submit") and employer.is_verified:
        actions.add("submit")
    if job.can("close"):
        actions.add("close")
    if job.status in RENEWABLE:
        actions.add("renew")
    if job.is_public:
        actions.add("public")
    return actions


def _state_counts(employer):
    """The number of listings in each state, in one aggregate query."""
    counts = employer.jobs.aggregate(
        all=Count("pk"), **{state: Count("pk", filter=Q(status=state)) for state in Status.values}
    )
    return counts


@employer_area(roles=ANY_ROLE)
def job_list(request):
    employer = request.employer
    counts = _state_counts(employer)
    state = request.GET.get("state", "")
    if state not in Status.values:
        state = ""
    jobs = employer.jobs.order_by("-updated_at", "-pk")
    if state:
        jobs = jobs.filter(status=state)
    page = Paginator(jobs, PER_PAGE).get_page(request.GET.get("page"))
    for job in page.object_list:
        job.employer = employer  # is_public reads the employer's status: no query per row
        job.actions = allowed_actions(job, employer)
    tabs = [("", _("All"), counts["all"])] + [
        (value, label, counts[value]) for value, label in Status.choices
    ]
    context = {
        "employer": employer,
        "tabs": tabs,
        "state": state,
        "state_label": dict(Status.choices).get(state, ""),
        "page_obj": page,
        "jobs": page.object_list,
        "filter_query": f"state={state}" if state else "",
        "submit_refused": "" if employer.is_verified else submit_refusal(employer, JobListing()),
    }
    return TemplateResponse(request, "jobs/area/jobs.html", context)


def _form_page(request, form, job=None, status=200):
    deterring = form.deterring_phrases()
    context = {
        "employer": request.employer,
        "job": job,
        "form": form,
        "deterring": deterring,
        "wording_notes": form.wording_notes(deterring),
        "panels": listing_form_panels(*form.occupation_and_region()),
        "checked": "check" in request.POST,
    }
    return TemplateResponse(request, "jobs/area/job_form.html", context, status=status)


@employer_area(roles=ANY_ROLE)
def job_create(request):
    form = JobListingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if "check" in request.POST:  # check the wording without saving
            return _form_page(request, form)
        if form.is_valid():
            with transaction.atomic():
                job = form.save(commit=False)
                job.employer = request.employer
                job.created_by = request.user
                job.save()
                form.save_links(job)
            messages.success(
                request,
                _("Your draft is saved. Check it as the public will see it, then submit it for review."),
            )
            return redirect("employers:job_preview", job.pk)
        return _form_page(request, form, status=400)
    return _form_page(request, form)


@employer_area(roles=ANY_ROLE)
def job_edit(request, job_id):
    job = _job(request, job_id)
    if job.status in NOT_EDITABLE:
        messages.error(
            request,
            _("A %(state)s listing cannot be edited. Renew it to post it again as a new draft.")
            % {"state": job.get_status_display().lower()},
        )
        return redirect("employers:job_detail", job.pk)
    previous = copy.copy(job)  # the form changes `job` while it validates
    form = JobListingForm(request.POST if request.method == "POST" else None, instance=job)
    if request.method == "POST":
        if "check" in request.POST:
            return _form_page(request, form, previous)
        if form.is_valid():
            substance_changed = previous.status == Status.PUBLISHED and job.substance_changed(previous)
            with transaction.atomic():
                job = form.save()
                form.save_links(job)
                if substance_changed:
                    job.transition("resubmit", by=request.user)
                elif job.status == Status.REJECTED:
                    job.redraft(by=request.user)
            if substance_changed:
                messages.warning(
                    request,
                    _(
                        "You changed what reviewers approved, so the listing went back to review. "
                        "It is hidden from the job board until campaign staff approve it again."
                    ),
                )
            elif previous.status == Status.REJECTED:
                messages.success(request, _("Your changes are saved; the listing is a draft again."))
            elif previous.status == Status.PUBLISHED:
                messages.success(request, _("Your changes are saved; the listing stays published."))
            else:
                messages.success(request, _("Your changes are saved."))
            return redirect("employers:job_preview", job.pk)
        return _form_page(request, form, previous, status=400)
    return _form_page(request, form, job)


def _links(job):
    skills = list(job.skill_links.all())
    certifications = list(job.certification_links.all())
    return {
        "required_skills": [link.skill for link in skills if link.required],
        "preferred_skills": [link.skill for link in skills if not link.required],
        "required_certifications": [link.certification for link in certifications if link.required],
        "preferred_certifications": [link.certification for link in certifications if not link.required],
    }


def _with_links(queryset):
    return queryset.select_related("occupation", "employer").prefetch_related(
        Prefetch("skill_links", queryset=JobSkill.objects.select_related("skill").order_by("skill__name")),
        Prefetch(
            "certification_links",
            queryset=JobCertification.objects.select_related("certification").order_by("certification__name"),
        ),
    )


def _job_context(request, job):
    employer = request.employer
    job.employer = employer
    deterring = find_deterring_phrases(job.title, job.description, job.fair_chance_statement)
    return {
        "employer": employer,
        "job": job,
        "actions": allowed_actions(job, employer),
        "submit_refused": submit_refusal(employer, job) if job.status == Status.DRAFT else "",
        "deterring": deterring,
        "wording_notes": wording_notes(deterring, job.occupation, job.region),
        "pay": job.pay_text,
        **_links(job),
    }


@employer_area(roles=ANY_ROLE)
def job_preview(request, job_id):
    job = get_object_or_404(_with_links(request.employer.jobs), pk=job_id)
    return TemplateResponse(request, "jobs/area/job_preview.html", _job_context(request, job))


@employer_area(roles=ANY_ROLE)
def job_detail(request, job_id):
    job = get_object_or_404(_with_links(request.employer.jobs), pk=job_id)
    context = _job_context(request, job)
    context["history"] = job.history.select_related("changed_by")
    context["renewed_to"] = request.employer.jobs.filter(renewed_from=job).order_by("-pk")
    return TemplateResponse(request, "jobs/area/job_detail.html", context)


@require_POST
@employer_area(roles=ANY_ROLE)
def job_submit(request, job_id):
    job = _job(request, job_id)
    refusal = submit_refusal(request.employer, job)
    if refusal:
        messages.error(request, refusal)
        return redirect("employers:job_preview", job.pk)
    try:
        job.submit(by=request.user)
    except InvalidTransition as problem:  # changed by someone else a moment ago
        messages.error(request, str(problem))
        return redirect("employers:job_detail", job.pk)
    if find_deterring_phrases(job.title, job.description, job.fair_chance_statement):
        messages.warning(
            request,
            _("Reviewers will look again at the wording we flagged; they may ask you to change it."),
        )
    messages.success(
        request,
        _("“%(title)s” is submitted for review. We will e-mail you when campaign staff have checked it.")
        % {"title": job.title},
    )
    return redirect("employers:job_detail", job.pk)


@require_POST
@employer_area(roles=ANY_ROLE)
def job_close(request, job_id):
    job = _job(request, job_id)
    try:
        job.close(by=request.user)
    except InvalidTransition as problem:
        messages.error(request, str(problem))
    else:
        messages.success(
            request,
            _("“%(title)s” is closed and no longer shown on the job board. You can renew it later.")
            % {"title": job.title},
        )
    return redirect("employers:job_detail", job.pk)


@require_POST
@employer_area(roles=ANY_ROLE)
def job_renew(request, job_id):
    job = _job(request, job_id)
    if job.status not in RENEWABLE:
        messages.error(
            request,
            _("Only published, closed or expired listings can be renewed; edit this one instead."),
        )
        return redirect("employers:job_detail", job.pk)
    copy_ = job.renew(by=request.user)
    messages.success(
        request,
        _("A new draft copies “%(title)s”. Give it new dates, check it and submit it for review.")
        % {"title": job.title},
    )
    return redirect("employers:job_edit", copy_.pk)
