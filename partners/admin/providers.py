"""Programme providers in the Wagtail admin: campaign moderators verify or suspend them the way
they do employers (verification.py).

Graduates themselves are not in the admin at all, and nothing here reads their personal data:
the detail page counts them and lists staff and programmes, never a graduate.
"""

from django.contrib.admin.utils import unquote
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView

from partners.models import Graduate, Programme, ProgrammeProvider, ProviderStaff
from portal.admin.base import STATUS_FIELDS, ReadOnlyModelViewSet, day, label_of, status_column
from portal.admin.verification import OrganisationInspectView, VerificationActionsMixin


def _count_of(model, field):
    """A correlated count subquery: one query for a whole listing page, never one per row."""
    rows = model.objects.filter(**{field: OuterRef("pk")}).order_by().values(field).annotate(n=Count("pk"))
    return Coalesce(Subquery(rows.values("n"), output_field=IntegerField()), Value(0))


def with_provider_figures(queryset):
    return queryset.annotate(
        staff_count=_count_of(ProviderStaff, "provider"),
        programme_count=_count_of(Programme, "provider"),
        graduate_count=_count_of(Graduate, "provider"),
    )


class ProviderFilterSet(WagtailFilterSet):
    class Meta:
        model = ProgrammeProvider
        fields = ["status", "kind"]


class ProviderIndexView(IndexView):
    def get_base_queryset(self):
        return with_provider_figures(super().get_base_queryset())


class ProviderInspectView(OrganisationInspectView):
    """One provider: status and actions, details, staff, programmes (never graduates' data)."""

    template_name = "partners/admin/provider_inspect.html"
    page_title = _("Programme provider")
    verified_message = _("%(name)s is verified: its graduates can now be matched to jobs.")
    suspended_message = _(
        "%(name)s is suspended: its graduates are out of matching until it is verified again."
    )
    forbidden_message = _("Only campaign moderators may verify or suspend a programme provider.")
    forbidden_back_label = _("Back to the programme providers")

    def get_object(self, queryset=None):
        queryset = with_provider_figures(ProgrammeProvider.objects.select_related("status_changed_by"))
        return get_object_or_404(queryset, pk=unquote(str(self.pk)))

    def get_region_display_value(self):
        return f"{self.object.region_name} ({self.object.region})"

    def get_status_changed_at_display_value(self):
        return day(self.object.status_changed_at) or "—"

    def get_created_at_display_value(self):
        return day(self.object.created_at)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        provider = self.object
        context.update(
            provider=provider,
            staff=list(provider.staff.select_related("user").order_by("role", "joined_at")),
            programmes=list(provider.programmes.order_by("name")),
            history=list(provider.status_history.select_related("changed_by")),
        )
        return context


class ProgrammeProviderViewSet(VerificationActionsMixin, ReadOnlyModelViewSet):
    model = ProgrammeProvider
    name = "programme_providers"
    url_prefix = "programme-providers"
    icon = "group"
    menu_label = _("Programme providers")
    index_view_class = ProviderIndexView
    inspect_view_class = ProviderInspectView
    list_per_page = 50
    ordering = "-created_at"
    list_display = [
        "name",
        Column("kind", accessor=label_of("kind"), label=_("Kind"), sort_key="kind"),
        Column("region_name", label=_("Region")),
        status_column(ProgrammeProvider.Status.PENDING),
        DateColumn("created_at", label=_("Registered"), sort_key="created_at"),
        Column("staff_count", label=_("Staff"), sort_key="staff_count"),
        Column("programme_count", label=_("Programmes"), sort_key="programme_count"),
        Column("graduate_count", label=_("Graduates"), sort_key="graduate_count"),
    ]
    filterset_class = ProviderFilterSet
    search_fields = ["name"]
    inspect_view_fields = ["name", "kind", "region", "created_at", *STATUS_FIELDS]
    exclude_form_fields = STATUS_FIELDS
