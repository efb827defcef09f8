"""The taxonomies job listings are described in, edited as snippets in the Wagtail admin: skills,
certifications, and the deterring phrases the wording check looks for.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.views.snippets import SnippetViewSet

from taxonomy.models import Certification, DeterringPhrase, Skill


class SkillViewSet(SnippetViewSet):
    model = Skill
    icon = "tag"
    menu_label = _("Skills")
    list_display = ["name", Column("area", label=_("Area"), sort_key="area")]
    list_filter = ["area"]
    search_fields = ["name", "synonyms"]
    search_backend_name = None  # plain database lookups, synonyms included
    copy_view_enabled = False
    list_per_page = 50


class CertificationViewSet(SnippetViewSet):
    model = Certification
    icon = "doc-full-inverse"
    menu_label = _("Certifications")
    list_display = ["name", Column("awarding_body", label=_("Awarding body"), sort_key="awarding_body")]
    search_fields = ["name", "synonyms", "awarding_body"]
    search_backend_name = None
    copy_view_enabled = False
    list_per_page = 50


class DeterringPhraseViewSet(SnippetViewSet):
    model = DeterringPhrase
    icon = "warning"
    menu_label = _("Deterring phrases")
    list_display = ["phrase", BooleanColumn("active", label=_("Active"), sort_key="active")]
    list_filter = ["active"]
    search_fields = ["phrase", "suggestion"]
    search_backend_name = None
    copy_view_enabled = False
