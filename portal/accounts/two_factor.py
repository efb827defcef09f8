"""The Wagtail admin opens only through allauth's login, and only to staff with two-factor
authentication.

Wagtail's own login and password-reset views skipped allauth's second factor, its e-mail
verification and its rate limits (issue 14): they now send the visitor to allauth's pages. Campaign
staff and superusers (anyone the admin would let in) who have no authenticator app or security key
yet are walked to allauth's TOTP set-up before any admin page. The check sits here, in the admin's
access path, not in the login redirect, so that it holds however someone reaches /admin/.
"""

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

ADMIN_PREFIX = "/admin/"
# Leaving must stay possible without a second factor.
OPEN_ADMIN_PATHS = ("/admin/logout/",)
SECOND_FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


def needs_second_factor(user):
    """Staff who can open the Wagtail admin: superusers and members of groups with admin access."""
    return user.is_active and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


def with_next(url, request):
    target = request.GET.get("next") or ""
    return f"{url}?{urlencode({'next': target})}" if target else url


def admin_login(request):
    """Wagtail's login: allauth's, with its second factor, verification and rate limits."""
    return redirect(with_next(settings.WAGTAILADMIN_LOGIN_URL, request))


def admin_password_reset(request, *args, **kwargs):
    """Wagtail's password reset: allauth's."""
    return redirect("account_reset_password")


class StaffTwoFactorMiddleware:
    """Place it after allauth's AccountMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            request.path.startswith(ADMIN_PREFIX)
            and not request.path.startswith(OPEN_ADMIN_PATHS)
            and user is not None
            and user.is_authenticated
            and needs_second_factor(user)
            and not is_mfa_enabled(user, SECOND_FACTORS)
        ):
            messages.warning(
                request,
                _(
                    "Campaign staff must use two-factor authentication. Set up an authenticator app "
                    "to continue to the admin."
                ),
            )
            return redirect(f"{reverse('mfa_activate_totp')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
