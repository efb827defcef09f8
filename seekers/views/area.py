"""The seeker area at /seeker/: the profile, work history, CV, matched jobs, introductions and
links to programme providers. Every view goes through seekers.permissions and looks objects up
within request.seeker, so another seeker's entry, introduction or link is a 404. State changes
only by POST."""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from seekers import emails
from seekers.cvs import cv_response
from seekers.forms import CVForm, ProfileForm, ProviderLinkForm, WorkHistoryForm
from seekers.matches import jobs_for_seeker
from seekers.models import JobSeeker, ProviderLink, seeker_of
from seekers.permissions import any_account, seeker_area

MATCH_LIMIT = 20


@any_account
def start(request):
    """Make a job seeker profile for an account that has none (an account made before, or as an
    employer): the sign-up page makes it for those who chose "job seeker"."""
    if seeker_of(request.user) is not None:
        return redirect("seekers:area")
    if request.method == "POST":
        JobSeeker.objects.get_or_create(user=request.user)
        messages.success(request, _("Your job seeker profile is ready. Add your skills to see matched jobs."))
        return redirect("seekers:profile")
    return TemplateResponse(request, "seekers/area/start.html")


@seeker_area
def dashboard(request):
    seeker = request.seeker
    context = {
        "seeker": seeker,
        "skills": list(seeker.skills.all()),
        "waiting": list(seeker.introductions.waiting().select_related("job__employer")),
        "links": list(
            seeker.provider_links.select_related("provider").exclude(status=ProviderLink.Status.ENDED)
        ),
    }
    return TemplateResponse(request, "seekers/area/dashboard.html", context)


@seeker_area
def profile(request):
    seeker = request.seeker
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=seeker)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("seekers:area")
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "seekers/area/profile.html", {"form": form}, status=status)


@seeker_area
def work_history(request):
    seeker = request.seeker
    form = WorkHistoryForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        entry = form.save(commit=False)
        entry.seeker = seeker
        entry.save()
        messages.success(request, _("The job is added to your work history."))
        return redirect("seekers:work_history")
    context = {"form": form, "entries": list(seeker.work_history.all())}
    return TemplateResponse(
        request, "seekers/area/work_history.html", context, status=400 if request.method == "POST" else 200
    )


@require_POST
@seeker_area
def work_history_delete(request, entry_id):
    get_object_or_404(request.seeker.work_history, pk=entry_id).delete()
    messages.success(request, _("The job is removed from your work history."))
    return redirect("seekers:work_history")


@seeker_area
def cv(request):
    seeker = request.seeker
    form = CVForm(request.POST or None, request.FILES or None) if request.method == "POST" else CVForm()
    if request.method == "POST" and form.is_valid():
        seeker.replace_cv(form.cleaned_data["cv"], form.content_type)
        messages.success(request, _("Your CV is saved."))
        return redirect("seekers:cv")
    return TemplateResponse(
        request,
        "seekers/area/cv.html",
        {"form": form, "seeker": seeker},
        status=400 if request.method == "POST" else 200,
    )


@require_POST
@seeker_area
def cv_delete(request):
    request.seeker.remove_cv()
    messages.success(request, _("Your CV is deleted."))
    return redirect("seekers:cv")


@seeker_area
def cv_download(request):
    if not request.seeker.has_cv:
        raise Http404("No CV.")
    return cv_response(request.seeker)


@seeker_area
def jobs(request):
    matches = jobs_for_seeker(request.seeker, limit=MATCH_LIMIT)
    context = {
        "seeker": request.seeker,
        "matches": [(match, match.explanation()) for match in matches],
        "match_limit": MATCH_LIMIT,
    }
    return TemplateResponse(request, "seekers/area/jobs.html", context)


@seeker_area
def introductions(request):
    context = {"introductions": list(request.seeker.introductions.select_related("job__employer"))}
    return TemplateResponse(request, "seekers/area/introductions.html", context)


@require_POST
@seeker_area
def answer_introduction(request, introduction_id):
    introduction = get_object_or_404(
        request.seeker.introductions.select_related("job__employer"), pk=introduction_id
    )
    accept = request.POST.get("answer") == "accept"
    answered = introduction.accept() if accept else introduction.decline()
    if not answered:
        messages.info(request, _("This introduction was already answered."))
        return redirect("seekers:introductions")
    emails.introduction_answered(introduction)
    if accept:
        messages.success(
            request,
            _("You accepted. %(employer)s can now see your profile, your CV and your e-mail address.")
            % {"employer": introduction.job.employer.name},
        )
    else:
        messages.success(request, _("You declined. The employer is told, without a reason."))
    return redirect("seekers:introductions")


@seeker_area
def provider_links(request):
    seeker = request.seeker
    form = ProviderLinkForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        provider = form.cleaned_data["provider"]
        try:
            with transaction.atomic():
                link = ProviderLink.objects.create(seeker=seeker, provider=provider)
        except IntegrityError:
            messages.info(request, _("You have already asked %(provider)s.") % {"provider": provider.name})
        else:
            emails.link_requested(link)
            messages.success(
                request,
                _("%(provider)s is asked to confirm that it knows you.") % {"provider": provider.name},
            )
        return redirect("seekers:provider_links")
    context = {"form": form, "links": list(seeker.provider_links.select_related("provider"))}
    return TemplateResponse(
        request, "seekers/area/provider_links.html", context, status=400 if request.method == "POST" else 200
    )


@require_POST
@seeker_area
def provider_link_end(request, link_id):
    link = get_object_or_404(request.seeker.provider_links.select_related("provider"), pk=link_id)
    if link.end(request.user):
        messages.success(
            request, _("%(provider)s no longer sees your profile.") % {"provider": link.provider.name}
        )
    return redirect("seekers:provider_links")
