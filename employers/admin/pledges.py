"""Hiring pledges in the Wagtail admin (read-only), and the commitments employers can pledge
(edited, ordered and retired as snippets; a commitment someone signed is never deleted).
"""

import datetime

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, StatusFlagColumn, StatusTagColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.widgets.boolean_radio_select import BooleanRadioSelect
from wagtail.snippets.views.snippets import SnippetViewSet

from employers.models import HiringPledge, HiringPledgeCommitment, PledgeCommitment, ProgressReport
from portal.admin.base import PlainValuesMixin, ReadOnlyModelViewSet, day, user_label

# A progress report is overdue this long after it was asked for (as HiringPledge.progress_overdue).
PROGRESS_GRACE = datetime.timedelta(days=30)


def overdue_pledges(now=None):
    """Pledges whose progress report is overdue: the queryset form of HiringPledge.progress_overdue.

    Active, a report asked for at least 30 days ago, and no report submitted since it was asked for.
    """
    now = now or timezone.now()
    answered = ProgressReport.objects.filter(
        pledge=OuterRef("pk"), submitted_at__gte=OuterRef("progress_requested_at")
    )
    return (
        HiringPledge.objects.active(now)
        .filter(progress_requested_at__isnull=False, progress_requested_at__lte=now - PROGRESS_GRACE)
        .exclude(Exists(answered))
    )


def pledge_state_label(employer):
    """The state of an employer's pledge, annotated by with_staff_figures: active if any is, else
    that of the latest."""
    if employer.pledge_active:
        return HiringPledge.State.ACTIVE.label
    if not employer.pledge_any:
        return _("No pledge")
    if employer.pledge_latest_withdrawn_at is not None:
        return HiringPledge.State.WITHDRAWN.label
    return HiringPledge.State.EXPIRED.label


class HiringPledgeFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("State"),
        choices=HiringPledge.State.choices,
        empty_label=_("All"),
        method="filter_state",
        widget=forms.RadioSelect,
    )
    progress_report_overdue = django_filters.BooleanFilter(
        label=_("Progress report overdue"), method="filter_progress_report_overdue", widget=BooleanRadioSelect
    )
    is_public = django_filters.BooleanFilter(label=_("Public"), widget=BooleanRadioSelect)

    class Meta:
        model = HiringPledge
        fields = []

    def filter_state(self, queryset, name, value):
        now = timezone.now()
        if value == HiringPledge.State.ACTIVE:
            return queryset.filter(withdrawn_at__isnull=True, signed_at__lte=now, expires_at__gt=now)
        if value == HiringPledge.State.EXPIRED:
            return queryset.filter(withdrawn_at__isnull=True, expires_at__lte=now)
        if value == HiringPledge.State.WITHDRAWN:
            return queryset.filter(withdrawn_at__isnull=False)
        return queryset

    def filter_progress_report_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(progress_report_overdue=value)


class HiringPledgeIndexView(IndexView):
    def get_base_queryset(self):
        overdue = overdue_pledges().filter(pk=OuterRef("pk"))
        return (
            super()
            .get_base_queryset()
            .select_related("employer")
            .annotate(progress_report_overdue=Exists(overdue))
        )


class HiringPledgeInspectView(PlainValuesMixin, InspectView):
    page_title = _("Hiring pledge")

    def get_object(self, queryset=None):
        queryset = HiringPledge.objects.select_related("employer", "signed_by", "withdrawn_by")
        return get_object_or_404(queryset, pk=unquote(str(self.pk)))

    def get_employer_display_value(self):
        employer = self.object.employer
        return f"{employer.name} ({employer.get_status_display()})"

    def get_signed_by_display_value(self):
        return user_label(self.object.signed_by) if self.object.signed_by_id else "—"

    def get_withdrawn_by_display_value(self):
        return user_label(self.object.withdrawn_by) if self.object.withdrawn_by_id else "—"

    def get_progress_overdue_display_value(self):
        return _("Yes: no report since it was asked for") if self.object.progress_overdue else _("No")

    def get_commitments_display_value(self):
        commitments = HiringPledgeCommitment.objects.filter(pledge=self.object).select_related("commitment")
        return "; ".join(str(c) for c in commitments) or "—"

    def get_latest_progress_display_value(self):
        report = self.object.latest_progress()
        if report is None:
            return _("None yet")
        items = report.items.select_related("commitment__commitment")
        summary = "; ".join(str(item) for item in items)
        return f"{report.submitted_at:%Y-%m-%d}: {summary}" if summary else f"{report.submitted_at:%Y-%m-%d}"


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


def refuse_deleting_signed_commitments(request, instances):
    """before_delete_snippet hook: a commitment someone signed is retired, never deleted."""
    commitments = [obj for obj in instances if isinstance(obj, PledgeCommitment)]
    if not commitments:
        return None
    used = (
        PledgeCommitment.objects.filter(pk__in=[c.pk for c in commitments])
        .filter(Exists(HiringPledgeCommitment.objects.filter(commitment=OuterRef("pk"))))
        .values_list("title", flat=True)
    )
    used = list(used)
    if not used:
        return None
    messages.error(
        request,
        _("Signed pledges include %(titles)s. Retire a commitment instead of deleting it.")
        % {"titles": ", ".join(f"“{title}”" for title in used)},
    )
    return redirect(PledgeCommitment.snippet_viewset.get_url_name("list"))
