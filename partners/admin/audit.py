"""The audit log of graduates' personal data in the Wagtail admin: read-only, for privacy officers.

Every view, edit, export, release and erasure of a graduate's personal data writes a
PersonalDataAccess row (employers/views/partner_*.py, matching/views/matches.py,
Graduate.erase). Staff holding the permission "Personal data access: Can view"
(`partners.view_personaldataaccess`; superusers implicitly; no group by default) read them here
under Partners → Audit log, with filters, search, pagination and a CSV or XLSX export. Nothing
else is allowed: the view set has no add, edit or delete view, and the permission policy grants
nothing but viewing whatever other permission a user holds.

The log names the graduate by reference only; it never shows a name or a contact detail.
"""

import datetime

import django_filters
from django import forms
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.permission_policies import ModelPermissionPolicy

from partners.models import PersonalDataAccess, ProgrammeProvider
from portal.admin.base import ReadOnlyModelViewSet, user_label

# A spreadsheet must not run what a person typed (a path, an e-mail address): such cells get a
# leading apostrophe (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class AuditLogPermissionPolicy(ModelPermissionPolicy):
    """Viewing only: `view_personaldataaccess` (or a superuser); add, change and delete are never granted."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, "view")

    def user_has_any_permission(self, user, actions):
        return "view" in actions and self.user_has_permission(user, "view")


class AuditLogFilterSet(WagtailFilterSet):
    graduate = django_filters.CharFilter(
        label=_("Graduate reference"), field_name="graduate__reference", method="filter_reference"
    )
    person = django_filters.CharFilter(
        label=_("Person (e-mail address)"), field_name="user__email", lookup_expr="icontains"
    )
    provider = django_filters.ModelChoiceFilter(
        label=_("Programme provider"),
        field_name="graduate__provider",
        queryset=ProgrammeProvider.objects.order_by("name"),
        empty_label=_("All"),
    )
    action = django_filters.ChoiceFilter(
        label=_("Action"),
        choices=PersonalDataAccess.Action.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    at = django_filters.DateFromToRangeFilter(label=_("Date"), field_name="at", widget=DateRangePickerWidget)

    class Meta:
        model = PersonalDataAccess
        fields = ["graduate", "person", "provider", "action", "at"]

    def filter_reference(self, queryset, name, value):
        return queryset.filter(graduate__reference__iexact=value.strip())


class LinkColumn(Column):
    """A cell that links somewhere (the person's user page, the graduate's trail)."""

    cell_template_name = "portal/admin/link_cell.html"

    def __init__(self, name, url, **kwargs):
        super().__init__(name, **kwargs)
        self.get_url = url

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["url"] = self.get_url(instance)
        return context


def graduate_trail_url(entry):
    """The graduate's own trail: graduates are not in the admin, their audit entries are."""
    return reverse("audit_log:index") + "?" + urlencode({"graduate": entry.graduate.reference})


def person_url(entry):
    return reverse("wagtailusers_users:edit", args=[entry.user_id]) if entry.user_id else None


def person_label(entry):
    if entry.user_id is None:
        return _("Nobody (the retention rules)") if entry.path == "enforce_retention" else _("(deleted user)")
    return user_label(entry.user)


class AuditLogIndexView(IndexView):
    any_permission_required = ["view"]
    page_title = _("Audit log of personal data")
    export_filename = "personal-data-audit"
    list_export = [
        "at",
        "graduate_reference",
        "provider_name",
        "person",
        "action_label",
        "path",
        "method",
        "ip_address",
    ]
    export_headings = {
        "at": _("When (UTC)"),
        "graduate_reference": _("Graduate"),
        "provider_name": _("Programme provider"),
        "person": _("Person"),
        "action_label": _("Action"),
        "path": _("Address"),
        "method": _("Method"),
        "ip_address": _("Client address"),
    }

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("graduate__provider", "user")

    def to_row_dict(self, item):
        values = {
            "at": item.at.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S"),
            "graduate_reference": item.graduate.reference,
            "provider_name": item.graduate.provider.name,
            "person": person_label(item),
            "action_label": str(item.get_action_display()),
            "path": item.path,
            "method": item.method,
            "ip_address": item.ip_address or "",
        }
        return {field: neutralise(values[field]) for field in self.list_export}


def when(moment):
    """The moment of an entry to the second, in the admin's language ("2 déc. 2026 14:05:09")."""
    local = timezone.localtime(moment)
    return f"{date_format(local, 'SHORT_DATE_FORMAT')} {time_format(local, 'H:i:s')}"


class AuditLogViewSet(ReadOnlyModelViewSet):
    """Who saw or changed a graduate's personal data, and when."""

    model = PersonalDataAccess
    name = "audit_log"
    url_prefix = "audit-log"
    icon = "history"
    menu_label = _("Audit log")
    inspect_view_enabled = False
    index_view_class = AuditLogIndexView
    list_per_page = 50
    ordering = "-at"
    list_display = [
        Column(
            "at",
            label=_("When"),
            accessor=lambda entry: when(entry.at),
            sort_key="at",
        ),
        LinkColumn(
            "graduate",
            url=graduate_trail_url,
            label=_("Graduate"),
            accessor=lambda entry: entry.graduate.reference,
            sort_key="graduate__reference",
        ),
        Column(
            "provider", label=_("Programme provider"), accessor=lambda entry: entry.graduate.provider.name
        ),
        LinkColumn("user", url=person_url, label=_("Person"), accessor=person_label, sort_key="user__email"),
        Column("action", label=_("Action"), accessor="get_action_display", sort_key="action"),
        Column("path", label=_("Address"), accessor=lambda entry: f"{entry.method} {entry.path}".strip()),
        Column("ip_address", label=_("Client address"), accessor=lambda entry: entry.ip_address or "—"),
    ]
    filterset_class = AuditLogFilterSet
    search_fields = ["graduate__reference", "user__email", "path"]

    def get_permissions_to_register(self):
        """Only "Can view" appears on a group's page in Settings → Groups: nothing else applies."""
        return (
            super()
            .get_permissions_to_register()
            .model.objects.filter(content_type__app_label="partners", codename="view_personaldataaccess")
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]
