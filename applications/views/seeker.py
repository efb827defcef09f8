"""The seeker's side of applications, at /seeker/applications/ (portal/urls.py, "applications:...").

Every view goes through the seeker area's gate (seekers.permissions) and looks applications up
within request.seeker, so another seeker's application is a 404. State changes only by POST.
"""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from applications import emails
from applications.forms import ApplyForm
from applications.models import Application
from jobs.models import ApplyMethod, JobListing
from seekers.permissions import seeker_area


def _open_job(job_id):
    """A public job that takes applications through the portal, or a 404."""
    job = JobListing.objects.published().select_related("employer").filter(pk=job_id).first()
    if job is None or job.apply_method != ApplyMethod.PORTAL:
        raise Http404("No such job taking applications through the portal.")
    return job


@seeker_area
def apply(request, job_id):
    seeker = request.seeker
    job = _open_job(job_id)
    earlier = Application.objects.filter(job=job, seeker=seeker).first()
    if earlier is not None:
        messages.info(request, _("You have already applied for this job. Here is your application."))
        return redirect("applications:detail", earlier.pk)
    form = ApplyForm(request.POST if request.method == "POST" else None, seeker=seeker)
    if request.method == "POST" and form.is_valid():
        application = form.save(commit=False)
        application.job, application.seeker = job, seeker
        application.record_check_stage = job.employer.record_check_stage
        try:
            with transaction.atomic():
                application.save()
                application.history.create(status=application.status, by=request.user, at=application.sent_at)
        except IntegrityError:  # a second tab sent it at the same moment
            earlier = Application.objects.get(job=job, seeker=seeker)
            messages.info(request, _("You have already applied for this job. Here is your application."))
            return redirect("applications:detail", earlier.pk)
        emails.application_received(application)
        messages.success(
            request,
            _("Your application is sent to %(employer)s. We will e-mail you each time it moves on.")
            % {"employer": job.employer.name},
        )
        return redirect("applications:detail", application.pk)
    context = {
        "job": job,
        "employer": job.employer,
        "seeker": seeker,
        "form": form,
        "requirements": job.requirement_labels(),
    }
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "applications/seeker/apply.html", context, status=status)


@seeker_area
def my_applications(request):
    applications = request.seeker.applications.select_related("job__employer").order_by("-sent_at", "-pk")
    return TemplateResponse(request, "applications/seeker/list.html", {"applications": list(applications)})


def _own(request, application_id):
    return get_object_or_404(request.seeker.applications.select_related("job__employer"), pk=application_id)


@seeker_area
def detail(request, application_id):
    application = _own(request, application_id)
    context = {
        "application": application,
        "job": application.job,
        "steps": list(application.history.all()),
        "may_withdraw": application.can("withdraw"),
    }
    return TemplateResponse(request, "applications/seeker/detail.html", context)


@require_POST
@seeker_area
def withdraw(request, application_id):
    application = _own(request, application_id)
    if application.withdraw(request.user):
        messages.success(request, _("Your application is withdrawn. The employer can no longer act on it."))
    else:
        messages.info(request, _("This application can no longer be withdrawn."))
    return redirect("applications:detail", application.pk)
