"""The incentive schemes employers can claim, with their conditions and deadlines, edited as
snippets in the Wagtail admin (their own menu item).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from incentives.models import IncentiveScheme
from portal.admin.base import label_of


class IncentiveSchemeViewSet(SnippetViewSet):
    model = IncentiveScheme
    icon = "tasks"
    menu_label = _("Incentive schemes")
    menu_name = "incentive-schemes"
    add_to_admin_menu = True
    list_display = [
        "name",
        Column("kind", accessor=label_of("kind"), label=_("Kind"), sort_key="kind"),
        Column("jurisdiction_name", label=_("Jurisdiction"), sort_key="country"),
        DateColumn("valid_to", label=_("Valid to"), sort_key="valid_to"),
    ]
    list_filter = ["kind", "country"]
    search_fields = ["name", "provider_agency", "summary"]
    search_backend_name = None
    ordering = "name"
