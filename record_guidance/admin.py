"""The "Record guidance" menu of the Wagtail admin: guidance per occupation group and jurisdiction,
the example rules of the self-check, and the jurisdictions both name. Registration is in
wagtail_hooks.py."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.admin.base import label_of
from record_guidance.models import Jurisdiction, RecordGuidance, SpentRule


class RecordGuidanceViewSet(SnippetViewSet):
    inspect_view_enabled = True  # editors read what they may not change
    model = RecordGuidance
    icon = "help"
    menu_label = _("Guidance")
    list_display = [
        "title",
        Column("isco_group", label=_("ISCO-08 group"), sort_key="isco_group"),
        Column("jurisdiction", label=_("Jurisdiction")),
        BooleanColumn("check_required_by_law", label=_("Check required by law")),
    ]
    list_filter = ["jurisdiction", "check_required_by_law"]
    search_fields = ["title", "isco_group"]
    search_backend_name = None
    ordering = "isco_group"


class SpentRuleViewSet(SnippetViewSet):
    inspect_view_enabled = True  # editors read what they may not change
    model = SpentRule
    icon = "time"
    menu_label = _("Example spent rules")
    list_display = [
        Column("jurisdiction", label=_("Jurisdiction")),
        Column("band", accessor=label_of("band"), label=_("Sentence"), sort_key="band"),
        Column("rehabilitation_years", label=_("Years until spent")),
        BooleanColumn("is_example", label=_("Example")),
    ]
    list_filter = ["jurisdiction", "band"]
    search_backend_name = None


class JurisdictionViewSet(SnippetViewSet):
    inspect_view_enabled = True  # editors read what they may not change
    model = Jurisdiction
    icon = "site"
    menu_label = _("Jurisdictions")
    list_display = ["name"]
    search_fields = ["name"]
    search_backend_name = None


class RecordGuidanceGroup(SnippetViewSetGroup):
    menu_label = _("Record guidance")
    menu_icon = "help"
    menu_name = "record-guidance"
    items = (RecordGuidanceViewSet, SpentRuleViewSet, JurisdictionViewSet)
