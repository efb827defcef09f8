"""The seeker area's gate (/seeker/): portal.areas.Area configured for job seekers.

A person's own profile is their "row" and the "organisation" they act for (JobSeeker.seeker is
the profile itself), so the one gate asks the same questions as in the other areas: logged in,
a verified e-mail address, a profile. A person without one is offered to make it
(seekers:start); an erased profile has no account any more. Every object is looked up within
request.seeker, so another seeker's entry, introduction or link is a 404.
"""

from portal.areas import Area
from seekers.models import JobSeeker

SEEKER_ROLE = ("seeker",)


def seeker_profiles_of(user):
    return JobSeeker.objects.filter(user=user, erased_at__isnull=True)


SEEKER_AREA = Area(
    rows_of=seeker_profiles_of,
    organisation="seeker",
    session_key="acting_as_seeker",
    row_name="seeker_profile",
    rows_name="seeker_profiles",
    not_a_member="The seeker area is for job seekers.",
    role_refused="This is not part of your profile.",
    verify_email_template="employers/area/verify_email_first.html",
    switch_url="seekers:area",
    join_url="seekers:start",
)


def seeker_area(view):
    """Decorate a seeker-area view; it receives request.seeker (the person's own profile)."""
    return SEEKER_AREA.gate(SEEKER_ROLE)(view)


def any_account(view):
    """For the page that makes a profile: logged in with a verified address, with or without one."""
    return SEEKER_AREA.gate(SEEKER_ROLE, member_required=False)(view)
