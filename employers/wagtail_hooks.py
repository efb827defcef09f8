"""The employer side in the Wagtail admin: verify or suspend organisations, watch hiring pledges,
and edit, order and retire the commitments employers can pledge (the "Employers" menu); moderate
job listings, read reports about them, and edit skills, certifications and deterring phrases (the
"Jobs" menu).
"""

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, StatusFlagColumn, StatusTagColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_audit import (
    AuditLogFilterSet,
    AuditLogIndexView,
    AuditLogPermissionPolicy,
    LinkColumn,
    graduate_trail_url,
    person_label,
    person_url,
)
from .admin_jobs import (
    ApproveJobView,
    CloseJobView,
    EmployerNamesView,
    JobListingFilterSet,
    JobListingIndexView,
    JobReportFilterSet,
    JobReportIndexView,
    JobReportInspectView,
    JobReviewView,
    RejectJobView,
    ResolveReportView,
)
from .admin_partners import (
    HireIndexView,
    HireInspectView,
    IntroductionFilterSet,
    IntroductionIndexView,
    IntroductionInspectView,
    ProviderFilterSet,
    ProviderIndexView,
    ProviderInspectView,
    SuspendProviderView,
    VerifyProviderView,
    retention_label,
)
from .admin_tables import PlainColumn, PlainDateColumn, PlainStatusFlagColumn, PlainStatusTagColumn
from .admin_views import (
    ApproveDetailsView,
    EmployerFilterSet,
    EmployerIndexView,
    EmployerInspectView,
    HiringPledgeFilterSet,
    HiringPledgeIndexView,
    HiringPledgeInspectView,
    RejectDetailsView,
    SuspendEmployerView,
    VerifyEmployerView,
    day,
    label_of,
    pledge_state_label,
    refuse_deleting_signed_commitments,
)
from .models import (
    Certification,
    DeterringPhrase,
    Employer,
    Hire,
    HiringPledge,
    IncentiveScheme,
    Introduction,
    JobListing,
    JobReport,
    PersonalDataAccess,
    PledgeCommitment,
    ProgrammeProvider,
    Skill,
)

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


class StatusActionsMixin:
    """Verify and suspend actions (POST) beside the detail page, for employers and providers."""

    verify_view_class = None
    suspend_view_class = None

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            verify_url_name=self.get_url_name("verify"),
            suspend_url_name=self.get_url_name("suspend"),
            **kwargs,
        )

    @property
    def verify_view(self):
        return self.construct_view(self.verify_view_class, **self.get_inspect_view_kwargs())

    @property
    def suspend_view(self):
        return self.construct_view(self.suspend_view_class, **self.get_inspect_view_kwargs())

    def get_urlpatterns(self):
        conv = self.pk_path_converter
        return [
            *super().get_urlpatterns(),
            path(f"verify/<{conv}:pk>/", self.verify_view, name="verify"),
            path(f"suspend/<{conv}:pk>/", self.suspend_view, name="suspend"),
        ]


class EmployerViewSet(StatusActionsMixin, ReadOnlyModelViewSet):
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
        PlainStatusTagColumn(
            "status",
            accessor=label_of("status"),
            label=_("Status"),
            sort_key="status",
            primary=lambda employer: employer.status == Employer.Status.PENDING,
        ),
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

    # A verified organisation's new name or description, approved or rejected beside its details.
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

    verify_view_class = VerifyEmployerView
    suspend_view_class = SuspendEmployerView


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


# -- Jobs: moderation queue, reports from the public, and the taxonomies jobs are described in ------


class JobListingViewSet(ReadOnlyModelViewSet):
    """The moderation queue: a listing, a review page and the approve / reject / close actions."""

    model = JobListing
    name = "jobs_admin"  # "jobs" would clash with nothing today, but says less
    url_prefix = "jobs"
    icon = "clipboard-list"
    menu_label = _("Job listings")
    menu_name = "job-listings"
    index_view_class = JobListingIndexView
    inspect_view_class = JobReviewView
    list_per_page = 50
    ordering = "submitted_at"  # the queue: whoever waited longest comes first
    list_display = [
        "title",
        PlainColumn("employer", label=_("Employer"), sort_key="employer__name"),
        PlainStatusTagColumn(
            "status",
            accessor=label_of("status"),
            label=_("Status"),
            sort_key="status",
            primary=lambda job: job.status == JobListing.Status.PENDING,
        ),
        PlainColumn(
            "submitted_at",
            accessor=lambda job: day(job.submitted_at),
            label=_("Submitted"),
            sort_key="submitted_at",
        ),
        PlainColumn("flag_count", label=_("Flagged wording")),
        PlainColumn("open_report_count", label=_("Open reports"), sort_key="open_report_count"),
    ]
    filterset_class = JobListingFilterSet
    search_fields = ["title", "employer__name"]

    @property
    def menu_url(self):
        # Staff come here to review: the menu opens the queue of listings waiting for review.
        return reverse(self.get_url_name("index")) + f"?status={JobListing.Status.PENDING}"

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            approve_url_name=self.get_url_name("approve"),
            reject_url_name=self.get_url_name("reject"),
            close_url_name=self.get_url_name("close"),
            resolve_report_url_name=self.get_url_name("resolve_report"),
            **kwargs,
        )

    @property
    def approve_view(self):
        return self.construct_view(ApproveJobView, **self.get_inspect_view_kwargs())

    @property
    def reject_view(self):
        return self.construct_view(RejectJobView, **self.get_inspect_view_kwargs())

    @property
    def close_view(self):
        return self.construct_view(CloseJobView, **self.get_inspect_view_kwargs())

    @property
    def resolve_report_view(self):
        return self.construct_view(ResolveReportView, **self.get_inspect_view_kwargs())

    def get_urlpatterns(self):
        conv = self.pk_path_converter
        return [
            *super().get_urlpatterns(),
            path("employer-names/", self.construct_view(EmployerNamesView), name="employer_names"),
            path(f"approve/<{conv}:pk>/", self.approve_view, name="approve"),
            path(f"reject/<{conv}:pk>/", self.reject_view, name="reject"),
            path(f"close/<{conv}:pk>/", self.close_view, name="close"),
            path(
                f"reports/<{conv}:pk>/resolve/<int:report_pk>/",
                self.resolve_report_view,
                name="resolve_report",
            ),
        ]


class JobReportViewSet(ReadOnlyModelViewSet):
    """What the public reported about listings; resolved from the listing's review page."""

    model = JobReport
    name = "job_reports"
    url_prefix = "job-reports"
    icon = "warning"
    menu_label = _("Job reports")
    index_view_class = JobReportIndexView
    inspect_view_class = JobReportInspectView
    list_per_page = 50
    ordering = "-created_at"
    list_display = [
        Column("job", label=_("Listing"), accessor=lambda report: report.job.title, sort_key="job__title"),
        Column("employer", label=_("Employer"), accessor=lambda report: report.job.employer.name),
        Column("reason", accessor=label_of("reason"), label=_("Reason"), sort_key="reason"),
        Column(
            "created_at",
            accessor=lambda report: day(report.created_at),
            label=_("Reported"),
            sort_key="created_at",
        ),
        StatusFlagColumn(
            "is_resolved",
            accessor=lambda report: report.resolved_at is not None,
            label=_("State"),
            true_label=_("Resolved"),
            false_label=_("Unresolved"),
            sort_key="resolved_at",
        ),
    ]
    filterset_class = JobReportFilterSet
    search_fields = ["job__title", "job__employer__name", "details"]
    inspect_view_fields = [
        "job",
        "reason",
        "details",
        "reporter_email",
        "created_at",
        "resolved_at",
        "resolved_by",
    ]

    @property
    def menu_url(self):
        return reverse(self.get_url_name("index")) + "?state=open"


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


class JobsGroup(ViewSetGroup):
    menu_label = _("Jobs")
    menu_name = "jobs"
    menu_icon = "clipboard-list"
    items = (JobListingViewSet, JobReportViewSet, SkillViewSet, CertificationViewSet, DeterringPhraseViewSet)


register_snippet(JobsGroup)


# -- Partners: programme providers to verify or suspend; introductions and hires, read-only ---------


class ProgrammeProviderViewSet(StatusActionsMixin, ReadOnlyModelViewSet):
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
        StatusTagColumn(
            "status",
            accessor=label_of("status"),
            label=_("Status"),
            sort_key="status",
            primary=lambda provider: provider.status == ProgrammeProvider.Status.PENDING,
        ),
        DateColumn("created_at", label=_("Registered"), sort_key="created_at"),
        Column("staff_count", label=_("Staff"), sort_key="staff_count"),
        Column("programme_count", label=_("Programmes"), sort_key="programme_count"),
        Column("graduate_count", label=_("Graduates"), sort_key="graduate_count"),
    ]
    filterset_class = ProviderFilterSet
    search_fields = ["name"]
    inspect_view_fields = ["name", "kind", "region", "created_at", *STATUS_FIELDS]
    exclude_form_fields = STATUS_FIELDS

    verify_view_class = VerifyProviderView
    suspend_view_class = SuspendProviderView


class IntroductionViewSet(ReadOnlyModelViewSet):
    """Oversight only: staff record answers in the partner area. Released contact details never show."""

    model = Introduction
    name = "introductions_admin"
    url_prefix = "introductions"
    icon = "mail"
    menu_label = _("Introductions")
    index_view_class = IntroductionIndexView
    inspect_view_class = IntroductionInspectView
    list_per_page = 50
    ordering = "-requested_at"
    list_display = [
        Column("job", label=_("Job"), accessor=lambda intro: intro.job.title, sort_key="job__title"),
        Column("employer", label=_("Employer"), accessor=lambda intro: intro.job.employer.name),
        Column("graduate", label=_("Graduate"), accessor=lambda intro: intro.graduate.reference),
        Column(
            "provider", label=_("Programme provider"), accessor=lambda intro: intro.graduate.provider.name
        ),
        StatusTagColumn(
            "status",
            accessor=label_of("status"),
            label=_("Status"),
            sort_key="status",
            primary=lambda intro: intro.status == Introduction.Status.REQUESTED,
        ),
        Column(
            "requested_at",
            accessor=lambda intro: day(intro.requested_at),
            label=_("Requested"),
            sort_key="requested_at",
        ),
        Column(
            "answered_at",
            accessor=lambda intro: day(intro.answered_at),
            label=_("Answered"),
            sort_key="answered_at",
        ),
    ]
    filterset_class = IntroductionFilterSet
    search_fields = ["graduate__reference", "job__title", "job__employer__name"]
    # Not released_contact: that is the graduate's personal data, for the employer only.
    inspect_view_fields = [
        "job",
        "graduate",
        "origin",
        "status",
        "requested_by",
        "requested_at",
        "expires_at",
        "message",
        "answered_by",
        "answered_at",
    ]


class HireViewSet(ReadOnlyModelViewSet):
    model = Hire
    name = "hires_admin"
    url_prefix = "hires"
    icon = "success"
    menu_label = _("Hires")
    index_view_class = HireIndexView
    inspect_view_class = HireInspectView
    list_per_page = 50
    ordering = "-start_date"
    list_display = [
        Column("graduate", label=_("Graduate"), accessor=lambda hire: hire.graduate.reference),
        Column(
            "employer",
            label=_("Employer"),
            accessor=lambda hire: hire.employer.name,
            sort_key="employer__name",
        ),
        Column("job", label=_("Job"), accessor=lambda hire: hire.job.title if hire.job_id else "—"),
        Column(
            "start_date",
            accessor=lambda hire: hire.start_date.strftime("%-d %b %Y"),
            label=_("Started"),
            sort_key="start_date",
        ),
        Column("retention", label=_("Retention"), accessor=retention_label),
    ]
    search_fields = ["graduate__reference", "employer__name", "job__title"]
    inspect_view_fields = [
        "graduate",
        "employer",
        "job",
        "introduction",
        "start_date",
        "hours_per_week",
        "recorded_by",
        "recorded_at",
        "retention_checks",
    ]


register_permission_policy(PersonalDataAccess, AuditLogPermissionPolicy(PersonalDataAccess))


class AuditLogViewSet(ReadOnlyModelViewSet):
    """Who saw or changed a graduate's personal data, and when (employers/admin_audit.py)."""

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
            accessor=lambda entry: timezone.localtime(entry.at).strftime("%-d %b %Y %H:%M:%S"),
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
            .model.objects.filter(content_type__app_label="employers", codename="view_personaldataaccess")
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]


class PartnersGroup(ViewSetGroup):
    menu_label = _("Partners")
    menu_name = "partners"
    menu_icon = "group"
    items = (ProgrammeProviderViewSet, IntroductionViewSet, HireViewSet, AuditLogViewSet)


@hooks.register("register_admin_viewset")
def register_partners_group():
    return PartnersGroup()


# -- Incentives: the schemes employers can claim, with their conditions and deadlines --------------


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


register_snippet(IncentiveSchemeViewSet)
