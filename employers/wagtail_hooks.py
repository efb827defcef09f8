"""The employer side in the Wagtail admin: verify or suspend organisations, watch hiring pledges,
and edit, order and retire the commitments employers can pledge. All under one "Employers" menu.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, StatusFlagColumn, StatusTagColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import (
    EmployerFilterSet,
    EmployerIndexView,
    EmployerInspectView,
    HiringPledgeFilterSet,
    HiringPledgeIndexView,
    HiringPledgeInspectView,
    SuspendEmployerView,
    VerifyEmployerView,
    day,
    pledge_state_label,
    refuse_deleting_signed_commitments,
)
from .models import Employer, HiringPledge, PledgeCommitment

# Status fields change only through Employer.verify / Employer.suspend, never through a form.
STATUS_FIELDS = ["status", "status_changed_at", "status_changed_by", "status_reason"]


class ReadOnlyModelViewSet(ModelViewSet):
    """A listing and a detail page only: no add, edit, copy, delete, history or usage views."""

    copy_view_enabled = False
    inspect_view_enabled = True
    sort_order_field = None
    add_to_reference_index = False  # nothing references these from pages or snippets
    search_backend_name = None  # plain database lookups on search_fields

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for disabled in ("add", "edit", "delete", "history", "usage"):
            view_kwargs[f"{disabled}_url_name"] = None
        return view_kwargs

    def get_urlpatterns(self):
        conv = self.pk_path_converter
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(f"inspect/<{conv}:pk>/", self.inspect_view, name="inspect"),
        ]

    @property
    def url_finder_class(self):
        """Links to an object from elsewhere in the admin go to its detail page."""
        inspect_url_name = self.get_url_name("inspect")

        class InspectURLFinder(ModelAdminURLFinder):
            edit_url_name = inspect_url_name

            def get_edit_url(self, instance):
                policy = policy_registry.get(instance)
                if self.user and policy and not policy.user_has_any_permission(self.user, ["view", "change"]):
                    return None
                return self.construct_edit_url(instance)

        return InspectURLFinder


class EmployerViewSet(ReadOnlyModelViewSet):
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
        "sector",
        Column("head_office_region_name", label=_("Head office region")),
        StatusTagColumn(
            "status",
            accessor="get_status_display",
            label=_("Status"),
            sort_key="status",
            primary=lambda employer: employer.status == Employer.Status.PENDING,
        ),
        DateColumn("created_at", label=_("Registered"), sort_key="created_at"),
        Column("member_count", label=_("Members"), sort_key="member_count"),
        StatusTagColumn(
            "pledge_state",
            accessor=pledge_state_label,
            label=_("Pledge"),
            sort_key="pledge_active",
            primary=lambda employer: employer.pledge_active,
        ),
        StatusFlagColumn(
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
            verify_url_name=self.get_url_name("verify"),
            suspend_url_name=self.get_url_name("suspend"),
            **kwargs,
        )

    @property
    def verify_view(self):
        return self.construct_view(VerifyEmployerView, **self.get_inspect_view_kwargs())

    @property
    def suspend_view(self):
        return self.construct_view(SuspendEmployerView, **self.get_inspect_view_kwargs())

    def get_urlpatterns(self):
        conv = self.pk_path_converter
        return [
            *super().get_urlpatterns(),
            path(f"verify/<{conv}:pk>/", self.verify_view, name="verify"),
            path(f"suspend/<{conv}:pk>/", self.suspend_view, name="suspend"),
        ]


class HiringPledgeViewSet(ReadOnlyModelViewSet):
    model = HiringPledge
    name = "hiring_pledges"
    url_prefix = "hiring-pledges"
    icon = "doc-full"
    menu_label = _("Hiring pledges")
    index_view_class = HiringPledgeIndexView
    inspect_view_class = HiringPledgeInspectView
    list_per_page = 50
    ordering = "-signed_at"
    list_display = [
        "reference",
        Column("employer", label=_("Employer"), sort_key="employer__name"),
        StatusTagColumn(
            "state",
            accessor="get_state_display",
            label=_("State"),
            primary=lambda pledge: pledge.is_active,
        ),
        Column(
            "signed_at",
            accessor=lambda pledge: day(pledge.signed_at),
            label=_("Signed"),
            sort_key="signed_at",
        ),
        Column(
            "expires_at",
            accessor=lambda pledge: day(pledge.expires_at),
            label=_("Expires"),
            sort_key="expires_at",
        ),
        BooleanColumn("is_public", label=_("Public"), sort_key="is_public"),
        StatusFlagColumn(
            "progress_report_overdue",
            label=_("Progress report"),
            true_label=_("Overdue"),
            sort_key="progress_report_overdue",
        ),
    ]
    filterset_class = HiringPledgeFilterSet
    search_fields = ["reference", "employer__name"]
    inspect_view_fields = [
        "reference",
        "employer",
        "state",
        "is_public",
        "signatory_name",
        "signatory_title",
        "authority_confirmed",
        "signed_by",
        "signed_at",
        "expires_at",
        "commitments",
        "withdrawn_at",
        "withdrawn_by",
        "withdrawal_reason",
        "renewal_reminder_sent_at",
        "progress_requested_at",
        "latest_progress",
        "progress_overdue",
    ]


class PledgeCommitmentViewSet(SnippetViewSet):
    model = PledgeCommitment
    icon = "list-ol"
    menu_label = _("Pledge commitments")
    sort_order_field = "sort_order"  # drag and drop ordering in the listing
    list_display = [
        "title",
        BooleanColumn("needs_number", label=_("Needs a number"), sort_key="needs_number"),
        StatusFlagColumn("retired", label=_("Retired"), true_label=_("Retired"), sort_key="retired"),
    ]
    list_filter = ["retired"]
    search_fields = ["title"]
    search_backend_name = None
    copy_view_enabled = False


class EmployersGroup(ViewSetGroup):
    menu_label = _("Employers")
    menu_name = "employers"
    menu_icon = "group"
    items = (EmployerViewSet, HiringPledgeViewSet, PledgeCommitmentViewSet)


# register_snippet takes a group too: it registers the snippet viewset (as a snippet) and the
# two model viewsets alike, and adds the one "Employers" menu item.
register_snippet(EmployersGroup)

hooks.register("before_delete_snippet", refuse_deleting_signed_commitments)
