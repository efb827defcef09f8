"""Introductions and hires in the Wagtail admin: read-only, for oversight. Staff of programme
providers record answers in the partner area, not here.

A graduate appears by reference code only, and an introduction's released contact details are
never shown: they are for the employer the graduate agreed to, not for campaign staff.
"""

import django_filters
from django import forms
from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView

from matching.models import Hire, Introduction, RetentionCheck
from portal.admin.base import PlainValuesMixin, ReadOnlyModelViewSet, day, status_column, user_label


class IntroductionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Introduction.Status.choices, empty_label=_("All"), widget=forms.RadioSelect
    )

    class Meta:
        model = Introduction
        fields = ["status", "origin"]


class IntroductionIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("job__employer", "graduate__provider")


class IntroductionInspectView(PlainValuesMixin, InspectView):
    page_title = _("Introduction")

    def get_object(self, queryset=None):
        queryset = Introduction.objects.select_related(
            "job__employer", "graduate__provider", "requested_by", "answered_by"
        )
        return get_object_or_404(queryset, pk=unquote(str(self.pk)))

    def get_job_display_value(self):
        job = self.object.job
        return f"{job.title} ({job.employer.name})"

    def get_graduate_display_value(self):
        graduate = self.object.graduate
        if graduate is None:  # a job seeker's application (their reference only)
            return _("Job seeker %(reference)s, by application") % {"reference": self.object.person_reference}
        return f"{graduate.reference} ({graduate.provider.name})"

    def get_requested_by_display_value(self):
        return user_label(self.object.requested_by) if self.object.requested_by_id else "—"

    def get_answered_by_display_value(self):
        return user_label(self.object.answered_by) if self.object.answered_by_id else "—"

    def get_expires_at_display_value(self):
        return day(self.object.expires_at)


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
        status_column(Introduction.Status.REQUESTED),
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


class HireIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("employer", "job", "graduate__provider", "application__seeker")
            .prefetch_related("retention_checks")
        )


class HireInspectView(PlainValuesMixin, InspectView):
    page_title = _("Hire")

    def get_object(self, queryset=None):
        queryset = Hire.objects.select_related(
            "employer", "job", "graduate__provider", "recorded_by", "introduction", "application__seeker"
        )
        return get_object_or_404(queryset, pk=unquote(str(self.pk)))

    def get_graduate_display_value(self):
        graduate = self.object.graduate
        if graduate is None:  # a job seeker's application (their reference only)
            return _("Job seeker %(reference)s, by application") % {"reference": self.object.person_reference}
        return f"{graduate.reference} ({graduate.provider.name})"

    def get_job_display_value(self):
        return self.object.job.title if self.object.job_id else "—"

    def get_recorded_by_display_value(self):
        return user_label(self.object.recorded_by) if self.object.recorded_by_id else "—"

    def get_introduction_display_value(self):
        intro = self.object.introduction
        if intro is None and self.object.application_id:
            return _("None: the person applied for the job")
        if intro is None:
            return _("None (recorded before hires came from introductions)")
        return _("Accepted on %(day)s") % {"day": day(intro.answered_at)}

    def get_hours_per_week_display_value(self):
        return self.object.hours_per_week or "—"

    def get_retention_checks_display_value(self):
        rows = []
        for check in self.object.retention_checks.order_by("months"):
            if check.answer:
                state = f"{RetentionCheck.Answer(check.answer).label} ({day(check.answered_at)})"
            elif check.sent_at:
                state = _("asked on %(day)s, no answer yet") % {"day": day(check.sent_at)}
            else:
                state = _("due on %(day)s") % {"day": date_format(check.due_on, "SHORT_DATE_FORMAT")}
            rows.append(
                ngettext("%(months)d month: %(state)s", "%(months)d months: %(state)s", check.months)
                % {"months": check.months, "state": state}
            )
        return "; ".join(str(row) for row in rows) or "—"


def retention_label(hire):
    """The latest answer of a hire's retention checks, for the listing (prefetched)."""
    answered = [check for check in hire.retention_checks.all() if check.answer]
    if not answered:
        return _("No answer yet")
    latest = max(answered, key=lambda check: check.months)
    return _("%(answer)s (%(months)d m)") % {
        "answer": RetentionCheck.Answer(latest.answer).label,
        "months": latest.months,
    }


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
        Column("graduate", label=_("Graduate"), accessor=lambda hire: hire.person_reference),
        Column(
            "employer",
            label=_("Employer"),
            accessor=lambda hire: hire.employer.name,
            sort_key="employer__name",
        ),
        Column("job", label=_("Job"), accessor=lambda hire: hire.job.title if hire.job_id else "—"),
        Column(
            "start_date",
            accessor=lambda hire: date_format(hire.start_date, "SHORT_DATE_FORMAT"),
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
