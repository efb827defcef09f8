"""What staff actions of the screening and matching tell people by e-mail: the referee's request
(with its signed link) and the introduction of a mentor and a provider's coordinators, each given
the other's contact; the graduate is named by reference only."""

from django.urls import reverse

from partners.models import ProviderStaff
from portal.addresses import site_url
from volunteers.emails import send_event_email


def ask_referee(reference):
    volunteer = reference.volunteer
    link = site_url() + reverse("volunteers:reference", args=[reference.token()])
    return send_event_email(
        "reference_request",
        [reference.referee_email],
        {"reference": reference, "applicant": volunteer.full_name, "reference_url": link},
        language=volunteer.language,
    )


def introduce(mentorship):
    mentor_request = mentorship.request
    volunteer = mentorship.volunteer
    coordinators = [
        row.user
        for row in ProviderStaff.objects.filter(
            provider=mentor_request.provider, role=ProviderStaff.Role.COORDINATOR
        ).select_related("user")
    ]
    context = {
        "reference": mentor_request.graduate.reference,
        "provider": mentor_request.provider.name,
        "mentor_name": volunteer.full_name,
        "mentor_email": volunteer.email,
        "mentor_role": volunteer.get_role_display(),
        "mentor_languages": ", ".join(volunteer.language_names()),
        "coordinators": [(user.get_full_name() or user.email, user.email) for user in coordinators],
        "area_url": site_url() + reverse("volunteers:mentorship", args=[mentorship.pk]),
        "request_url": site_url() + reverse("partners:mentor_request", args=[mentor_request.pk]),
    }
    sent = send_event_email("match_to_mentor", [volunteer.email], context)
    return sent + send_event_email("match_to_coordinator", [user.email for user in coordinators], context)
