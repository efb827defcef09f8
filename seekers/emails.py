"""E-mails of the seekers app: one template pair per event (seekers/email/<event>), each written
in its recipient's language (portal.mail picks it from their account). Seekers are named to an
employer by reference only until they accept; providers see the name the seeker signed up with."""

from django.urls import reverse

from partners.models import ProviderStaff
from portal.addresses import site_url
from portal.mail import send_event_email as send_template_email


def send_event_email(event, recipients, context):
    """Render seekers/email/<event>_subject.txt and <event>.txt and queue them for sending."""
    return send_template_email(f"seekers/email/{event}", recipients, context)


def _seeker_address(seeker):
    return [seeker.user.email] if seeker.user_id and seeker.user.email else []


def introduction_requested(introduction):
    job = introduction.job
    return send_event_email(
        "introduction_requested",
        _seeker_address(introduction.seeker),
        {
            "job": job,
            "employer": job.employer,
            "message": introduction.message,
            "introductions_url": site_url() + reverse("seekers:introductions"),
        },
    )


def introduction_answered(introduction):
    """Tell whoever asked (accepted: where to see the profile; declined: no reason given)."""
    requester = introduction.requested_by
    if requester is None or not requester.email:
        return 0
    accepted = introduction.status == introduction.Status.ACCEPTED
    context = {
        "job": introduction.job,
        "reference": introduction.seeker.reference,
        "profile_url": site_url() + reverse("employers:seeker_profile", args=[introduction.seeker.reference]),
        "matches_url": site_url() + reverse("employers:job_seekers", args=[introduction.job_id]),
    }
    event = "introduction_accepted" if accepted else "introduction_declined"
    return send_event_email(event, [requester.email], context)


def link_requested(link):
    coordinators = ProviderStaff.objects.filter(
        provider=link.provider, role=ProviderStaff.Role.COORDINATOR, user__is_active=True
    ).values_list("user__email", flat=True)
    return send_event_email(
        "link_requested",
        list(coordinators),
        {
            "provider": link.provider,
            "reference": link.seeker.reference,
            "links_url": site_url() + reverse("partners:seeker_links"),
        },
    )


def link_answered(link):
    event = "link_confirmed" if link.status == link.Status.CONFIRMED else "link_declined"
    return send_event_email(
        event,
        _seeker_address(link.seeker),
        {"provider": link.provider, "links_url": site_url() + reverse("seekers:provider_links")},
    )
