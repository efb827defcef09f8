"""The partner area's gate (/partner/): portal.areas.Area configured for programme providers' staff.

A person who is no provider's staff gets a 403, and everything but the dashboard waits until
the provider is verified. Views look every object up within request.provider, so another
provider's graduate or introduction is a 404.
"""

from partners.models import ProviderStaff
from portal.areas import Area

SESSION_KEY = "acting_for_provider"
COORDINATOR = (ProviderStaff.Role.COORDINATOR,)
ANY_ROLE = (ProviderStaff.Role.COORDINATOR, ProviderStaff.Role.CASE_WORKER)


def staff_roles_of(user):
    return ProviderStaff.objects.filter(user=user).select_related("provider").order_by("provider__name")


PARTNER_AREA = Area(
    rows_of=staff_roles_of,
    organisation="provider",
    session_key=SESSION_KEY,
    row_name="staff",
    rows_name="staff_roles",
    not_a_member="The partner area is for staff of programme providers.",
    role_refused="This needs a coordinator of the provider.",
    verify_email_template="employers/area/verify_email_first.html",
    switch_url="partners:switch",
    waiting_template="partners/area/waiting.html",
)


def partner_area(roles=ANY_ROLE, verified_provider_required=True):
    """Decorate a partner-area view; it receives request.staff, request.provider and request.staff_roles."""
    return PARTNER_AREA.gate(roles, verified_required=verified_provider_required)
