"""Who reads the impact dashboard and receives its monthly summary: the one place that decides."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q

PERMISSION = "impact.view_impact_dashboard"


def can_view_dashboard(user):
    """Superusers, and campaign staff whose group holds the permission (editors, moderators)."""
    return user.is_active and user.has_perm(PERMISSION)


def staff_recipients():
    """Active users who may read the dashboard and have an address: the monthly e-mail's list."""
    app_label, codename = PERMISSION.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(email="")
        .filter(
            Q(is_superuser=True) | Q(groups__permissions__in=permission) | Q(user_permissions__in=permission)
        )
        .distinct()
        .order_by("email")
    )
