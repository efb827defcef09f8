"""The volunteer area at /volunteer/area/: the volunteer's status and its history in plain words,
their matches (with the provider coordinator's contact once matched), sessions, the end of a
match, and their availability. Every object is looked up within request.volunteer, so another
volunteer's match is a 404."""

from django.contrib import messages
from django.db.models import Count, Sum
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partners.models import ProviderStaff
from volunteers.forms import AvailabilityForm, EndMentorshipForm, SessionForm
from volunteers.models import MentoringSession
from volunteers.permissions import volunteer_area


def _mentorships(volunteer):
    return volunteer.mentorships.select_related("request__graduate", "request__provider").annotate(
        session_count=Count("sessions"), session_minutes=Sum("sessions__minutes")
    )


def _coordinators(providers):
    """{provider id: [coordinator users]}: one query for every match on the page."""
    coordinators = {}
    rows = ProviderStaff.objects.filter(provider__in=providers, role=ProviderStaff.Role.COORDINATOR)
    for row in rows.select_related("user").order_by("joined_at"):
        coordinators.setdefault(row.provider_id, []).append(row.user)
    return coordinators


@volunteer_area
def dashboard(request):
    volunteer = request.volunteer
    mentorships = list(_mentorships(volunteer))
    coordinators = _coordinators({m.request.provider_id for m in mentorships})
    context = {
        "volunteer": volunteer,
        "history": list(volunteer.status_history.order_by("changed_at", "pk")),
        "mentorships": [(m, coordinators.get(m.request.provider_id, [])) for m in mentorships],
        "availability_form": AvailabilityForm(instance=volunteer),
    }
    return TemplateResponse(request, "volunteers/area/dashboard.html", context)


@volunteer_area
def availability(request):
    volunteer = request.volunteer
    form = AvailabilityForm(request.POST if request.method == "POST" else None, instance=volunteer)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your availability is updated."))
        return redirect("volunteers:area")
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "volunteers/area/availability.html", {"form": form}, status=status)


def _mentorship_page(request, mentorship, session_form=None, end_form=None, status=200):
    coordinators = _coordinators([mentorship.request.provider_id]).get(mentorship.request.provider_id, [])
    context = {
        "mentorship": mentorship,
        "coordinators": coordinators,
        "sessions": list(mentorship.sessions.all()),
        "session_form": session_form or SessionForm(),
        "end_form": end_form or EndMentorshipForm(),
    }
    return TemplateResponse(request, "volunteers/area/mentorship.html", context, status=status)


def _own_mentorship(request, mentorship_id):
    return get_object_or_404(_mentorships(request.volunteer), pk=mentorship_id)


@volunteer_area
def mentorship(request, mentorship_id):
    return _mentorship_page(request, _own_mentorship(request, mentorship_id))


@require_POST
@volunteer_area
def log_session(request, mentorship_id):
    mentorship = _own_mentorship(request, mentorship_id)
    form = SessionForm(request.POST)
    if not mentorship.is_current:
        form.add_error(None, _("This match has ended: sessions can no longer be logged."))
    if form.errors or not form.is_valid():
        return _mentorship_page(request, mentorship, session_form=form, status=400)
    MentoringSession.objects.create(mentorship=mentorship, **form.cleaned_data)
    messages.success(request, _("The session is logged. Thank you."))
    return redirect("volunteers:mentorship", mentorship.pk)


@require_POST
@volunteer_area
def end_mentorship(request, mentorship_id):
    mentorship = _own_mentorship(request, mentorship_id)
    form = EndMentorshipForm(request.POST, instance=mentorship)
    if not form.is_valid():
        return _mentorship_page(request, mentorship, end_form=form, status=400)
    if mentorship.end(form.cleaned_data["outcome"], form.cleaned_data["outcome_note"]):
        messages.success(request, _("The match has ended. Thank you for your mentoring."))
    else:
        messages.error(request, _("This match had ended already."))
    return redirect("volunteers:mentorship", mentorship.pk)
