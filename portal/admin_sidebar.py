"""The Wagtail admin's sidebar, built once a minute per person instead of on every admin page.

Every admin page carries its menu as JSON ({% sidebar_props %}): each menu item asks whether the
person may see it (pages, collections, snippets, reports...) and the whole is packed for the
script. That was about a fifth of the server time of a staff screen at national scale (issue 22).

The JSON is kept in the shared cache under the person, their language and a fingerprint of what
decides what they see: their permissions (already read by the two-factor gate), name and
superuser flag. A change to groups, group memberships, permissions, page or collection
permissions or an admin profile starts a new generation at once, and a change to the person
(name, superuser, permissions) changes the fingerprint; anything else the
menu depends on (code, settings) shows within SIDEBAR_SECONDS. The views check permissions on
every request whatever the menu shows: the menu is only links.
"""

import hashlib
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.template.loader import get_template
from django.utils.translation import get_language
from wagtail.admin.templatetags import wagtailadmin_tags
from wagtail.models import GroupCollectionPermission, GroupPagePermission
from wagtail.users.models import UserProfile

from .generations import Generation

SIDEBAR_SECONDS = 60
SIDEBARS = Generation("admin-sidebar:generation", "cached admin menus")

build_sidebar_props = wagtailadmin_tags.sidebar_props  # Wagtail's own
shortcuts_of = wagtailadmin_tags.keyboard_shortcuts_dialog  # Wagtail's own: the dialog's context
SHORTCUTS_TEMPLATE = "wagtailadmin/shared/keyboard_shortcuts_dialog.html"
_shortcut_dialogs = {}  # (language, Mac or not, shortcuts on, comments on) -> HTML, per process


def forget_sidebars(**kwargs):
    SIDEBARS.advance()


def fingerprint(user):
    seen = [
        user.pk,
        user.is_superuser,
        user.is_active,
        user.first_name,
        user.get_username(),
        *sorted(user.get_all_permissions()),
    ]
    return hashlib.sha256(repr(seen).encode()).hexdigest()[:32]


def sidebar_props(context):
    request = context["request"]
    user = request.user
    if not user.is_authenticated:
        return build_sidebar_props(context)
    key = f"admin-sidebar:{SIDEBARS.current()}:{get_language()}:{user.pk}:{fingerprint(user)}"
    props = cache.get(key)
    if props is None:
        props = build_sidebar_props(context)
        cache.set(key, props, SIDEBAR_SECONDS)
    return props


def keyboard_shortcuts_dialog(context):
    """The keyboard shortcuts dialog every admin page carries, rendered once per language and
    platform in each process instead of on every page (its table of some 20 shortcuts inside a
    dialog component cost a staff screen about 4 ms). It holds nothing of the person but whether
    they turned shortcuts off, which is part of the key."""
    request = context.get("request")
    shortcuts = shortcuts_of(context)
    agent = request.headers.get("User-Agent", "") if request else ""
    key = (
        get_language(),
        bool(re.search(r"Mac|iPod|iPhone|iPad", agent)),
        shortcuts["keyboard_shortcuts_enabled"],
        wagtailadmin_tags.get_comments_enabled(),
    )
    html = _shortcut_dialogs.get(key)
    if html is None:
        html = _shortcut_dialogs[key] = get_template(SHORTCUTS_TEMPLATE).render(shortcuts)  # already safe
    return html


def install():
    """Put the cached sidebar in place of Wagtail's tag (before any admin template is compiled),
    and start a new generation on every change to who may see what."""
    wagtailadmin_tags.register.simple_tag(sidebar_props, takes_context=True, name="sidebar_props")
    wagtailadmin_tags.register.simple_tag(
        keyboard_shortcuts_dialog, takes_context=True, name="keyboard_shortcuts_dialog"
    )
    user_model = get_user_model()
    # A person's own changes (name, superuser, active, permissions through their groups) change
    # the fingerprint; what it cannot see (page and collection permissions, group memberships,
    # the avatar) starts a new generation. Not every save of a person: logging in saves one.
    for model in (GroupPagePermission, GroupCollectionPermission, UserProfile):
        post_save.connect(forget_sidebars, sender=model, dispatch_uid=f"admin-sidebar-save-{model.__name__}")
        post_delete.connect(
            forget_sidebars, sender=model, dispatch_uid=f"admin-sidebar-delete-{model.__name__}"
        )
    for through in (
        user_model.groups.through,
        user_model.user_permissions.through,
        Group.permissions.through,
    ):
        m2m_changed.connect(
            forget_sidebars, sender=through, dispatch_uid=f"admin-sidebar-m2m-{through.__name__}"
        )
