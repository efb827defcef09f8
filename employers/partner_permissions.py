"""The one gate every partner-area view (/partner/) goes through.

A request passes when the user is logged in, has a verified e-mail address, is a staff member of
the programme provider they act for, holds a role the view allows, and (for everything but the
dashboard) that provider is verified. Everyone else is told what to do (log in, verify) or gets a
403, never data. Views look every object up within request.provider, so another provider's
graduate or introduction is a 404.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from .models import ProviderStaff
from .permissions import chosen, with_verified_email

SESSION_KEY = "acting_for_provider"
COORDINATOR = (ProviderStaff.Role.COORDINATOR,)
ANY_ROLE = (ProviderStaff.Role.COORDINATOR, ProviderStaff.Role.CASE_WORKER)


def staff_roles_of(user):
    return ProviderStaff.objects.filter(user=user).select_related("provider").order_by("provider__name")


def act_for(request, provider):
    request.session[SESSION_KEY] = provider.pk


def partner_area(roles=ANY_ROLE, verified_provider_required=True):
    """Decorate a partner-area view; it receives request.staff, request.provider and request.staff_roles."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            staff_roles, verified = with_verified_email(staff_roles_of(request.user), request.user)
            if not verified:
                return TemplateResponse(request, "employers/area/verify_email_first.html", status=403)
            staff = chosen(request, staff_roles, "provider_id", SESSION_KEY)
            if staff is None:
                raise PermissionDenied("The partner area is for staff of programme providers.")
            if staff.role not in roles:
                raise PermissionDenied("This needs a coordinator of the provider.")
            request.staff, request.staff_roles, request.provider = staff, staff_roles, staff.provider
            if verified_provider_required and not staff.provider.is_verified:
                return TemplateResponse(
                    request, "employers/partner/waiting.html", {"provider": staff.provider}, status=403
                )
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
