"""Job seekers in the partner area (included by partners/urls.py, "partners:..."): the links
seekers asked for, confirmed or declined by the provider's coordinators, and the profile and CV
of the seekers whose link is confirmed, each showing audited. Objects are looked up within
request.provider, so another provider's link or seeker is a 404."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partners.permissions import COORDINATOR, partner_area
from seekers import access, emails
from seekers.cvs import cv_response
from seekers.models import ProviderLink


@partner_area()
def seeker_links(request):
    links = ProviderLink.objects.filter(provider=request.provider).select_related("seeker__user")
    context = {
        "waiting": [link for link in links if link.status == ProviderLink.Status.REQUESTED],
        "confirmed": [link for link in links if link.status == ProviderLink.Status.CONFIRMED],
        "may_answer": request.staff.role in COORDINATOR,
    }
    return TemplateResponse(request, "seekers/partner/links.html", context)


@require_POST
@partner_area(roles=COORDINATOR)
def answer_link(request, link_id):
    link = get_object_or_404(
        ProviderLink.objects.filter(provider=request.provider).select_related("seeker__user", "provider"),
        pk=link_id,
    )
    if request.POST.get("answer") == "confirm":
        answered = link.confirm(request.user)
    else:
        answered = link.decline(request.user)
    if answered:
        emails.link_answered(link)
        messages.success(request, _("Your answer is recorded and the person is told."))
    else:
        messages.info(request, _("This request was already answered."))
    return redirect("partners:seeker_links")


def _visible_seeker(request, reference):
    seeker = (
        access.visible_to_provider(request.provider)
        .filter(reference=reference)
        .select_related("user")
        .first()
    )
    if seeker is None:
        raise Http404("No such job seeker linked to this provider.")
    return seeker


@partner_area()
def seeker_profile(request, reference):
    seeker = _visible_seeker(request, reference)
    access.record_view(request, seeker, "profile", provider=request.provider)
    context = {
        "seeker": seeker,
        "skills": list(seeker.skills.all()),
        "certifications": list(seeker.certifications.all()),
        "work_history": list(seeker.work_history.all()),
        "cv_url": reverse("partners:seeker_cv", args=[seeker.reference]) if seeker.has_cv else "",
        "email": seeker.user.email if seeker.user_id else "",
    }
    return TemplateResponse(request, "seekers/partner/seeker_profile.html", context)


@partner_area()
def seeker_cv(request, reference):
    seeker = _visible_seeker(request, reference)
    if not seeker.has_cv:
        raise Http404("No CV.")
    access.record_view(request, seeker, "cv", provider=request.provider)
    return cv_response(seeker)
