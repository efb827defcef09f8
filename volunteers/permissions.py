"""The volunteer area's gate (/volunteer/area/): portal.areas.Area configured for volunteers.

A volunteer's own record is their "row" and the "organisation" they act for (Volunteer.volunteer
is the record itself), so the one gate asks the same questions as in the employer and partner
areas: logged in, a verified e-mail address, a volunteer record. A person without one is sent to
the application form; an erased record has no account any more.
"""

from portal.areas import Area
from volunteers.models import Role, Volunteer

ANY_ROLE = tuple(Role.values)


def volunteer_records_of(user):
    return Volunteer.objects.filter(user=user, erased_at__isnull=True)


VOLUNTEER_AREA = Area(
    rows_of=volunteer_records_of,
    organisation="volunteer",
    session_key="acting_as_volunteer",
    row_name="volunteer_record",
    rows_name="volunteer_records",
    not_a_member="The volunteer area is for volunteers.",
    role_refused="This is not part of your volunteering.",
    verify_email_template="employers/area/verify_email_first.html",
    switch_url="volunteers:area",
    join_url="volunteers:apply",
)


def volunteer_area(view):
    """Decorate a volunteer-area view; it receives request.volunteer (the person's own record)."""
    return VOLUNTEER_AREA.gate(ANY_ROLE)(view)
