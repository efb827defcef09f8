"""Job listings in the Wagtail admin: the moderation queue, and its viewset with the review page
and the actions (job_review.py).

Staff never create or edit a listing through a generic form: the review page's POST actions go
through the state machine of JobListing (approve, reject with a reason, close).
"""

import django_filters
from django import forms
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import JsonResponse
from django.urls import path, reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.boolean_radio_select import BooleanRadioSelect

from employers.models import Employer
from jobs.admin.review import ApproveJobView, CloseJobView, JobReviewView, RejectJobView, ResolveReportView
from jobs.models import JobListing, JobReport
from jobs.wording import find_deterring_phrases, phrase_patterns
from portal.admin.base import ReadOnlyModelViewSet, day, status_column
from portal.admin.tables import EstimatingPaginator, PlainColumn, PlainRowsIndexMixin, PlainStatusTagColumn
from portal.widgets import QuickSelect
from taxonomy.classifications import SectorChoices

SUGGESTED_NAMES = 10

# -- Query helpers: one query for a whole listing page, never one per row -------------------------


def with_report_counts(queryset):
    """Annotate job listings with the number of their open (unresolved) reports."""
    open_reports = (
        JobReport.objects.filter(job=OuterRef("pk"), resolved_at__isnull=True)
        .order_by()
        .values("job")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.annotate(
        open_report_count=Coalesce(Subquery(open_reports, output_field=IntegerField()), Value(0))
    )


def count_flags(jobs):
    """Set `flag_count` on each job: how many active deterring phrases its wording contains,
    with the phrases read once for the whole page instead of once per row."""
    patterns = phrase_patterns()
    for job in jobs:
        job.flag_count = len(
            find_deterring_phrases(job.title, job.description, job.fair_chance_statement, patterns=patterns)
        )
    return jobs


# -- The moderation queue -------------------------------------------------------------------------


class EmployerNameInput(forms.TextInput):
    """A text box; with JavaScript, the names of employers matching what is typed to choose from
    (a <datalist> filled from the employer-names view), without it a plain text filter."""

    def __init__(self, attrs=None):
        names_url = reverse_lazy("jobs_admin:employer_names")
        super().__init__({"autocomplete": "off", "data-employer-names-url": names_url, **(attrs or {})})

    class Media:
        js = ["jobs/admin/employer_names.js"]


class EmployerNamesView(PermissionCheckedMixin, View):
    """Up to SUGGESTED_NAMES employers' names containing ?q=, as JSON, for the queue's filter."""

    model = None
    permission_required = "view"

    def get(self, request):
        words = request.GET.get("q", "").strip()[:100]
        names = []
        if len(words) >= 2:
            employers = Employer.objects.filter(name__icontains=words).order_by("name")
            names = list(employers.values_list("name", flat=True).distinct()[:SUGGESTED_NAMES])
        return JsonResponse({"names": names})


class JobListingFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=JobListing.Status.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    # 21 ISIC sections are too many for radio buttons.
    sector = django_filters.ChoiceFilter(
        label=_("Sector"), choices=SectorChoices.choices, empty_label=_("All"), widget=QuickSelect
    )
    # Thousands of employers: a text filter by name (a number is an employer's id, as links from
    # other screens give it), never a menu of every employer; names are suggested as one types.
    employer = django_filters.CharFilter(
        label=_("Employer"),
        method="filter_employer",
        widget=EmployerNameInput,
        help_text=_("Part of the employer's name."),
    )
    has_open_reports = django_filters.BooleanFilter(
        label=_("Has open reports"), method="filter_has_open_reports", widget=BooleanRadioSelect
    )

    class Meta:
        model = JobListing
        fields = []

    def filter_employer(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        match = Q(employer__name__icontains=value)
        if value.isdigit():
            match |= Q(employer_id=int(value))
        return queryset.filter(match)

    def filter_has_open_reports(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(open_report_count__gt=0) if value else queryset.filter(open_report_count=0)


class JobListingIndexView(PlainRowsIndexMixin, IndexView):
    paginator_class = EstimatingPaginator

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("employer")
        # The listing never shows the description; still needed to count the flagged wording.
        return with_report_counts(queryset)

    def get_table(self, object_list):
        return super().get_table(count_flags(list(object_list)))


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
        status_column(JobListing.Status.PENDING, column=PlainStatusTagColumn),
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
