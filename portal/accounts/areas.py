"""The areas of the site a person works in, and where they land after logging in.

One list, used by the login redirect (AccountAdapter.get_login_redirect_url) and by the site
header: the Wagtail admin for campaign staff (anyone who may open it), and whatever the domain
apps add through the `account_areas` signal (the partner area for programme staff, the employer
area for members of an organisation). `portal` imports no domain app, hence the signal.

A person in several areas lands in the first by `order`: the partner area, then the employer
area, then the admin (the narrower, day-to-day area before the broad one).

The site header asks on every page a logged-in person sees, which cost three queries (the domain
apps' memberships, the user's and their groups' permissions). `cached_areas_of()` keeps each
person's answer in the shared cache under a generation number that `forget_areas()` bumps on
anything that decides it: a group or a permission saved or changed here, and whatever the
domain apps connect to it (memberships, staff roles); the person's own active and superuser flags
are part of the key, so logging in (which saves the person) drops nobody's links. A member
removed loses the link on the next page, in every process. The login redirect still asks the database (`areas_of`).
"""

import logging
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Exists, OuterRef
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ..generations import Generation
from ..languages import default_language

# Sent with `user`; each receiver returns a list of Area the user belongs to (empty if none).
account_areas = Signal()

ADMIN_ORDER = 90


def in_language_shown(url):
    """An English address of the site in the active language: "/employer/" is "/fr/employer/" on
    the French site, while "/admin/" (outside i18n_patterns) stays as it is."""
    shown = translation.get_language() or default_language()
    with translation.override(default_language()):
        return translate_url(url, shown)


@dataclass(frozen=True)
class Area:
    key: str
    label: str
    url: str  # the English address ("/employer/"); `address` is the one to link to
    order: int

    @property
    def address(self):
        """The area in the language shown ("/fr/employer/"); the admin's is the same in every one."""
        return in_language_shown(self.url)


# Areas a person belongs to by having a row in a domain's table (a membership, a staff role),
# as (Area, rows) where rows(person) filters that table by the person: asked in one query together.
MEMBERSHIP_AREAS = []


def membership_area(area, rows):
    """Show `area` to whoever `rows(person)` finds a row for (domain apps call this from ready())."""
    MEMBERSHIP_AREAS.append((area, rows))


def _membership_areas(user):
    if not MEMBERSHIP_AREAS:
        return []
    # One query for every domain: the site header asks on every page a person sees.
    flags = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .values_list(*(Exists(rows(OuterRef("pk"))) for _area, rows in MEMBERSHIP_AREAS))
        .first()
    ) or ()
    return [area for (area, _rows), flag in zip(MEMBERSHIP_AREAS, flags, strict=False) if flag]


def areas_of(user):
    """The areas this (authenticated) user belongs to, in landing order."""
    if not getattr(user, "is_authenticated", False):
        return []
    found = _membership_areas(user)
    for _receiver, response in account_areas.send(sender=type(user), user=user):
        found.extend(response or [])
    if user.is_active and user.has_perm("wagtailadmin.access_admin"):
        found.append(Area("admin", _("Wagtail admin"), "/admin/", ADMIN_ORDER))
    return sorted(found, key=lambda area: (area.order, area.key))


AREAS = Generation("portal:areas:generation", "cached areas")
AREAS_CACHE_SECONDS = 600

logger = logging.getLogger(__name__)


def cached_areas_of(user):
    """areas_of(user), from the shared cache while nothing that decides it has changed."""
    if not getattr(user, "is_authenticated", False):
        return []
    try:
        # The person's own flags are in the key, so saving a person (logging in saves one) need
        # not drop everyone's links; what the key cannot see starts a new generation.
        key = f"portal:areas:{AREAS.current()}:{user.pk}:{int(user.is_active)}{int(user.is_superuser)}"
        areas = cache.get(key)
    except Exception:  # the cache server is away: ask the database, as without the cache
        logger.warning("Areas cache unavailable", exc_info=True)
        return areas_of(user)
    if areas is None:
        areas = areas_of(user)
        try:
            cache.set(key, areas, AREAS_CACHE_SECONDS)
        except Exception:
            logger.warning("Areas cache unavailable; areas not kept", exc_info=True)
    return areas


def forget_areas(**kwargs):
    """Drop everyone's cached areas."""
    AREAS.advance()


def watch(*models):
    """Drop the cached areas whenever one of `models` is saved or deleted (domain apps call this
    for their memberships from AppConfig.ready())."""
    for model in models:
        post_save.connect(forget_areas, sender=model, dispatch_uid=f"areas-save-{model._meta.label}")
        post_delete.connect(forget_areas, sender=model, dispatch_uid=f"areas-delete-{model._meta.label}")


def connect_signals():
    """What decides the admin link besides the person's own flags (in the key): their groups and
    permissions."""
    User, Group = get_user_model(), apps.get_model("auth", "Group")
    watch(Group)
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(forget_areas, sender=through, dispatch_uid=f"areas-m2m-{through._meta.label}")


def landing_url(user):
    """Where a person lands after logging in when no safe `next` says otherwise.

    Someone in no area yet (a new sign-up) lands where an organisation is registered."""
    areas = areas_of(user)
    return in_language_shown(areas[0].url if areas else settings.LOGIN_REDIRECT_URL)
