"""Mentor requests in the partner area (included by partners/urls.py in its namespace, so the
partner app imports nothing of this one). Staff of a provider ask for a mentor for one of their own
graduates with a matching consent on record, named by reference only; after a match, the
provider's coordinators see the mentor's name, e-mail, role and languages (each view audited),
never references or lived experience."""

from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from partners.models import MatchingConsent, ProviderStaff
from partners.permissions import ANY_ROLE, partner_area
from volunteers.forms import MentorRequestForm
from volunteers.models import MentorRequest, VolunteerDataAccess


def consenting_graduates(provider):
    current = MatchingConsent.objects.filter(graduate=OuterRef("pk"), withdrawn_at__isnull=True)
    return provider.graduates.filter(Exists(current), erased_at__isnull=True)


def provider_requests(request):
    return MentorRequest.objects.filter(provider=request.provider).select_related(
        "graduate", "mentorship__volunteer"
    )


@partner_area(roles=ANY_ROLE)
def mentor_requests(request):
    requests = list(provider_requests(request).order_by("-requested_at"))
    return TemplateResponse(request, "volunteers/partner/requests.html", {"mentor_requests": requests})


@partner_area(roles=ANY_ROLE)
def mentor_request_create(request):
    form = MentorRequestForm(
        request.POST if request.method == "POST" else None, graduates=consenting_graduates(request.provider)
    )
    if request.method == "POST":
        if form.is_valid():
            mentor_request = form.save(commit=False)
            mentor_request.provider, mentor_request.requested_by = request.provider, request.user
            mentor_request.save()
            messages.success(request, _("Your request is sent: our staff will look for a mentor."))
            return redirect("partners:mentor_request", mentor_request.pk)
        return TemplateResponse(request, "volunteers/partner/request_form.html", {"form": form}, status=400)
    return TemplateResponse(request, "volunteers/partner/request_form.html", {"form": form})


@partner_area(roles=ANY_ROLE)
def mentor_request(request, request_id):
    mentor_request = get_object_or_404(provider_requests(request), pk=request_id)
    mentorship = getattr(mentor_request, "mentorship", None)
    shows_contact = (
        mentorship is not None
        and request.staff.role == ProviderStaff.Role.COORDINATOR
        and not mentorship.volunteer.is_erased
    )
    if shows_contact:
        VolunteerDataAccess.record(request, mentorship.volunteer, VolunteerDataAccess.Action.VIEW_CONTACT)
    context = {"mentor_request": mentor_request, "mentorship": mentorship, "shows_contact": shows_contact}
    return TemplateResponse(request, "volunteers/partner/request.html", context)
