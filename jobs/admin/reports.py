"""What the public reported about job listings, in the Wagtail admin: read-only; each report is
resolved from the listing's review page (job_review.py).
"""

import django_filters
from django import forms
from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, StatusFlagColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.permissions import policy_registry

from jobs.admin.review import job_label
from jobs.models import JobListing, JobReport
from portal.admin.base import PlainValuesMixin, ReadOnlyModelViewSet, day, label_of, user_label


class JobReportFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("State"),
        choices=[("open", _("Unresolved")), ("resolved", _("Resolved"))],
        empty_label=_("All"),
        method="filter_state",
        widget=forms.RadioSelect,
    )
    reason = django_filters.ChoiceFilter(
        label=_("Reason"), choices=JobReport.Reason.choices, empty_label=_("All"), widget=forms.RadioSelect
    )

    class Meta:
        model = JobReport
        fields = []

    def filter_state(self, queryset, name, value):
        if value == "open":
            return queryset.filter(resolved_at__isnull=True)
        if value == "resolved":
            return queryset.filter(resolved_at__isnull=False)
        return queryset


class JobReportIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("job__employer")


class JobReportInspectView(PlainValuesMixin, InspectView):
    page_title = _("Report")
    template_name = "jobs/admin/job_report_inspect.html"

    def get_object(self, queryset=None):
        queryset = JobReport.objects.select_related("job__employer", "resolved_by")
        return get_object_or_404(queryset, pk=unquote(str(self.pk)))

    def get_job_display_value(self):
        return job_label(self.object.job)

    def get_resolved_by_display_value(self):
        return user_label(self.object.resolved_by) if self.object.resolved_by_id else "—"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        policy = policy_registry.get_by_type(JobListing)
        if policy.user_has_any_permission(self.request.user, ["view", "change"]):
            context["job_review_url"] = reverse("jobs_admin:inspect", args=[self.object.job_id])
        return context


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
