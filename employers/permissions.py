"""The employer area's gate: portal.areas.Area configured for members of an employer.

A person without a membership is sent to register their organisation; acting for an organisation
that is not verified yet is allowed (the pages say what waits for verification).
"""

from employers.models import Membership
from portal.areas import Area

SESSION_KEY = "acting_for_employer"
OWNER = (Membership.Role.OWNER,)
ANY_ROLE = (Membership.Role.OWNER, Membership.Role.RECRUITER)


def memberships_of(user):
    return Membership.objects.filter(user=user).select_related("employer").order_by("employer__name")


EMPLOYER_AREA = Area(
    rows_of=memberships_of,
    organisation="employer",
    session_key=SESSION_KEY,
    row_name="membership",
    rows_name="memberships",
    join_url="employers:register",
    role_refused="This needs an owner of the organisation.",
    verify_email_template="employers/area/verify_email_first.html",
    switch_url="employers:switch",
)
act_for = EMPLOYER_AREA.act_for


def employer_area(roles=ANY_ROLE, membership_required=True):
    """Decorate an employer-area view; it receives request.membership and request.employer."""
    return EMPLOYER_AREA.gate(roles, member_required=membership_required)
