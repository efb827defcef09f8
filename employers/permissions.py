"""The one gate every employer-area view goes through.

A request passes when the user is logged in, has a verified e-mail address, is a member of the
organisation they act for, and holds a role the view allows. Everyone else is told what to do
(log in, verify) or gets a 403/404, never another organisation's data.
"""

from functools import wraps

from allauth.account.models import EmailAddress
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from .models import Membership

SESSION_KEY = "acting_for_employer"
OWNER = (Membership.Role.OWNER,)
ANY_ROLE = (Membership.Role.OWNER, Membership.Role.RECRUITER)


def has_verified_email(user):
    return EmailAddress.objects.filter(user=user, verified=True).exists()


def memberships_of(user):
    return Membership.objects.filter(user=user).select_related("employer").order_by("employer__name")


def current_membership(request):
    """The membership the user acts through: the one chosen in the session, else their first."""
    memberships = list(memberships_of(request.user))
    chosen = request.session.get(SESSION_KEY)
    for membership in memberships:
        if membership.employer_id == chosen:
            return membership, memberships
    return (memberships[0] if memberships else None), memberships


def act_for(request, employer):
    request.session[SESSION_KEY] = employer.pk


def employer_area(roles=ANY_ROLE, membership_required=True):
    """Decorate an employer-area view; it receives request.membership and request.employer."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_verified_email(request.user):
                return TemplateResponse(request, "employers/area/verify_email_first.html", status=403)
            membership, memberships = current_membership(request)
            request.membership = membership
            request.memberships = memberships
            request.employer = membership.employer if membership else None
            if membership is None:
                if membership_required:
                    return redirect("employers:register")
                return view(request, *args, **kwargs)
            if membership.role not in roles:
                raise PermissionDenied("This needs an owner of the organisation.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
