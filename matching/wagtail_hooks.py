"""The "Partners" menu of the Wagtail admin: programme providers and the audit log (partners/admin/),
introductions and hires (matching/admin.py). Registration only."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from matching.admin import HireViewSet, IntroductionViewSet
from partners.admin.audit import AuditLogViewSet
from partners.admin.providers import ProgrammeProviderViewSet


class PartnersGroup(ViewSetGroup):
    menu_label = _("Partners")
    menu_name = "partners"
    menu_icon = "group"
    items = (ProgrammeProviderViewSet, IntroductionViewSet, HireViewSet, AuditLogViewSet)


@hooks.register("register_admin_viewset")
def register_partners_group():
    return PartnersGroup()
