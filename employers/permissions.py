"""The one gate every employer-area view goes through.

A request passes when the user is logged in, has a verified e-mail address, is a member of the
organisation they act for, and holds a role the view allows. Everyone else is told what to do
(log in, verify) or gets a 403/404, never another organisation's data.
"""

from functools import wraps

from allauth.account.models import EmailAddress
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Exists
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from .models import Membership

SESSION_KEY = "acting_for_employer"
OWNER = (Membership.Role.OWNER,)
ANY_ROLE = (Membership.Role.OWNER, Membership.Role.RECRUITER)


def has_verified_email(user):
    return EmailAddress.objects.filter(user=user, verified=True).exists()


def with_verified_email(rows, user):
    """The person's `rows` (memberships, staff roles) and whether they have a verified e-mail
    address: one query when they have rows (every area page asks both)."""
    verified = EmailAddress.objects.filter(user=user, verified=True)
    rows = list(rows.annotate(person_verified_email=Exists(verified)))
    return rows, (rows[0].person_verified_email if rows else verified.exists())


def memberships_of(user):
    return Membership.objects.filter(user=user).select_related("employer").order_by("employer__name")


def chosen(request, rows, key, session_key):
    """The row (membership, staff role) the user acts through: the organisation chosen in the
    session, else their first."""
    wanted = request.session.get(session_key)
    return next((row for row in rows if getattr(row, key) == wanted), rows[0] if rows else None)


def act_for(request, employer):
    request.session[SESSION_KEY] = employer.pk


def employer_area(roles=ANY_ROLE, membership_required=True):
    """Decorate an employer-area view; it receives request.membership and request.employer."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            memberships, verified = with_verified_email(memberships_of(request.user), request.user)
            if not verified:
                return TemplateResponse(request, "employers/area/verify_email_first.html", status=403)
            membership = chosen(request, memberships, "employer_id", SESSION_KEY)
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
