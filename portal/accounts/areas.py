"""The areas of the site a person works in, and where they land after logging in.

One list, used by the login redirect (AccountAdapter.get_login_redirect_url) and by the site
header: the Wagtail admin for campaign staff (anyone who may open it), and whatever the domain
apps add through the `account_areas` signal (the partner area for programme staff, the employer
area for members of an organisation). `portal` imports no domain app, hence the signal.

A person in several areas lands in the first by `order`: the partner area, then the employer
area, then the admin (the narrower, day-to-day area before the broad one).
"""

from dataclasses import dataclass

from django.conf import settings
from django.dispatch import Signal
from django.utils.translation import gettext_lazy as _

# Sent with `user`; each receiver returns a list of Area the user belongs to (empty if none).
account_areas = Signal()

ADMIN_ORDER = 90


@dataclass(frozen=True)
class Area:
    key: str
    label: str
    url: str
    order: int


def areas_of(user):
    """The areas this (authenticated) user belongs to, in landing order."""
    if not getattr(user, "is_authenticated", False):
        return []
    found = []
    for _receiver, response in account_areas.send(sender=type(user), user=user):
        found.extend(response or [])
    if user.is_active and user.has_perm("wagtailadmin.access_admin"):
        found.append(Area("admin", _("Wagtail admin"), "/admin/", ADMIN_ORDER))
    return sorted(found, key=lambda area: (area.order, area.key))


def landing_url(user):
    """Where a person lands after logging in when no safe `next` says otherwise.

    Someone in no area yet (a new sign-up) lands where an organisation is registered."""
    areas = areas_of(user)
    return areas[0].url if areas else settings.LOGIN_REDIRECT_URL
