"""Employers in the Wagtail admin: the listing, the detail page, verify or suspend
(verification.py), and the new name or description a verified organisation proposed, approved or
rejected beside its details.
"""

import django_filters
from django import forms
from django.contrib.admin.utils import unquote
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView
from wagtail.admin.widgets.boolean_radio_select import BooleanRadioSelect
from wagtail.permissions import policy_registry

from employers.admin.pledges import overdue_pledges, pledge_state_label
from employers.models import Employer, HiringPledge, Membership
from portal.admin.base import (
    STATUS_FIELDS,
    AdminActionMixin,
    PublicPageButtonMixin,
    ReadOnlyModelViewSet,
    label_of,
    status_column,
)
from portal.admin.tables import (
    PlainColumn,
    PlainDateColumn,
    PlainRowsIndexMixin,
    PlainStatusFlagColumn,
    PlainStatusTagColumn,
)
from portal.admin.verification import OrganisationInspectView, VerificationActionsMixin
from portal.widgets import QuickSelect
from taxonomy.classifications import SectorChoices


def with_staff_figures(queryset, now=None):
    """Annotate employers with what the staff listing shows: members, pledge state, overdue flag.

    One query for a whole listing page, never one per row."""
    now = now or timezone.now()
    members = (
        Membership.objects.filter(employer=OuterRef("pk"))
        .order_by()
        .values("employer")
        .annotate(n=Count("pk"))
        .values("n")
    )
    pledges = HiringPledge.objects.filter(employer=OuterRef("pk"))
    return queryset.annotate(
        member_count=Coalesce(Subquery(members, output_field=IntegerField()), Value(0)),
        pledge_any=Exists(pledges),
        pledge_active=Exists(pledges.active(now)),
        pledge_latest_withdrawn_at=Subquery(pledges.order_by("-signed_at", "-pk").values("withdrawn_at")[:1]),
        progress_report_overdue=Exists(overdue_pledges(now).filter(employer=OuterRef("pk"))),
    )


class EmployerFilterSet(WagtailFilterSet):
    # 21 ISIC sections are too many for radio buttons.
    sector = django_filters.ChoiceFilter(
        label=_("Sector"), choices=SectorChoices.choices, empty_label=_("All"), widget=QuickSelect
    )
    progress_report_overdue = django_filters.BooleanFilter(
        label=_("Progress report overdue"), method="filter_progress_report_overdue", widget=BooleanRadioSelect
    )

    class Meta:
        model = Employer
        fields = ["status", "sector", "size_band"]

    def filter_progress_report_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(progress_report_overdue=value)


class EmployerIndexView(PlainRowsIndexMixin, IndexView):
    def get_base_queryset(self):
        return with_staff_figures(super().get_base_queryset())


class DetailsReviewForm(forms.Form):
    """Nothing to fill in: the buttons say it all."""


class EmployerInspectView(PublicPageButtonMixin, OrganisationInspectView):
    """Everything about one organisation, its members, pledges and status history, and the actions."""

    template_name = "employers/admin/employer_inspect.html"
    page_title = _("Employer")
    public_page_label = _("View public profile")
    verified_message = _("%(name)s is verified. Its owners are told by e-mail.")
    suspended_message = _("%(name)s is suspended. Its owners are told by e-mail, with the reason.")
    forbidden_message = _("Only campaign moderators may verify or suspend an organisation.")
    forbidden_back_label = _("Back to the organisations")
    details_approve_url_name = None
    details_reject_url_name = None

    def get_object(self, queryset=None):
        queryset = Employer.objects.select_related("status_changed_by", "logo")
        return get_object_or_404(queryset, pk=unquote(str(self.pk)))

    def get_head_office_region_display_value(self):
        return f"{self.object.head_office_region_name} ({self.object.head_office_region})"

    def get_regions_of_operation_display_value(self):
        return ", ".join(self.object.regions_of_operation_names()) or "—"

    def get_logo_display_value(self):
        logo = self.object.logo
        return logo.title if logo else "—"

    def has_public_page(self):
        return self.object.is_verified

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        employer = self.object
        if employer.has_pending_details and self.can_change:
            context["details_approve_url"] = reverse(self.details_approve_url_name, args=[employer.pk])
            context["details_reject_url"] = reverse(self.details_reject_url_name, args=[employer.pk])
            context["details_form"] = DetailsReviewForm()
        context.update(
            employer=employer,
            members=list(employer.memberships.select_related("user").order_by("role", "joined_at")),
            pledges=list(employer.pledges.order_by("-signed_at")),
            history=list(employer.status_history.select_related("changed_by")),
            can_view_pledges=policy_registry.get_by_type(HiringPledge).user_has_any_permission(
                self.request.user, ["view", "change"]
            ),
        )
        return context


class DetailsReviewAction(AdminActionMixin):
    """Approve or reject the new name and description a verified organisation proposed."""

    form_class = DetailsReviewForm
    form_context_name = "details_form"

    def allowed(self):
        return Employer.objects.filter(pk=self.object.pk, proposed_at__isnull=False).exists()

    def not_allowed_message(self):
        return _("%(name)s has no change waiting for review.") % {"name": self.object.name}


class ApproveDetailsView(DetailsReviewAction, EmployerInspectView):
    def perform(self, form):
        self.object.approve_details()

    def success_message(self):
        return _("The new details of %(name)s are approved and public.") % {"name": self.object.name}


class RejectDetailsView(DetailsReviewAction, EmployerInspectView):
    def perform(self, form):
        self.object.reject_details()

    def success_message(self):
        return _("The proposed details of %(name)s are rejected; the current ones stay.") % {
            "name": self.object.name
        }


class EmployerViewSet(VerificationActionsMixin, ReadOnlyModelViewSet):
    model = Employer
    name = "employers_admin"  # "employers" is the employer area's URL namespace
    url_prefix = "employers"
    icon = "group"
    menu_label = _("Employers")
    menu_name = "employers-list"
    index_view_class = EmployerIndexView
    inspect_view_class = EmployerInspectView
    list_per_page = 50
    ordering = "-created_at"
    list_display = [
        "name",
        PlainColumn("sector", label=_("Sector"), accessor=label_of("sector"), sort_key="sector"),
        PlainColumn("head_office_region_name", label=_("Head office region")),
        status_column(Employer.Status.PENDING, column=PlainStatusTagColumn),
        PlainDateColumn("created_at", label=_("Registered"), sort_key="created_at"),
        PlainColumn("member_count", label=_("Members"), sort_key="member_count"),
        PlainStatusTagColumn(
            "pledge_state",
            accessor=pledge_state_label,
            label=_("Pledge"),
            sort_key="pledge_active",
            primary=lambda employer: employer.pledge_active,
        ),
        PlainStatusFlagColumn(
            "progress_report_overdue",
            label=_("Progress report"),
            true_label=_("Overdue"),
            sort_key="progress_report_overdue",
        ),
    ]
    filterset_class = EmployerFilterSet
    search_fields = ["name", "registration_number"]
    inspect_view_fields = [
        "name",
        "slug",
        "registration_number",
        "sector",
        "size_band",
        "head_office_region",
        "regions_of_operation",
        "website",
        "logo",
        "description",
        "record_check_stage",
        "created_at",
        *STATUS_FIELDS,
    ]
    # Should an edit view ever be switched on, the status fields stay out of its form.
    exclude_form_fields = STATUS_FIELDS

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            details_approve_url_name=self.get_url_name("approve_details"),
            details_reject_url_name=self.get_url_name("reject_details"),
            **kwargs,
        )

    @property
    def approve_details_view(self):
        return self.construct_view(ApproveDetailsView, **self.get_inspect_view_kwargs())

    @property
    def reject_details_view(self):
        return self.construct_view(RejectDetailsView, **self.get_inspect_view_kwargs())

    def get_urlpatterns(self):
        conv = self.pk_path_converter
        return [
            *super().get_urlpatterns(),
            path(f"details/approve/<{conv}:pk>/", self.approve_details_view, name="approve_details"),
            path(f"details/reject/<{conv}:pk>/", self.reject_details_view, name="reject_details"),
        ]
