"""Views of the Wagtail admin for programme providers, introductions and hires.

Campaign moderators verify or suspend programme providers the way they do employers: a listing,
a detail page and two POST actions (ProgrammeProvider.verify / .suspend). Introductions and hires
are listed read-only, for oversight.

Graduates themselves are not in the admin at all, and nothing here reads their personal data:
a graduate appears by reference code only, and an introduction's released contact details are
never shown (they are for the employer the graduate agreed to, not for campaign staff).
"""

import django_filters
from django import forms
from django.contrib.admin.utils import unquote
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView, InspectView

from .admin_views import (
    PlainValuesMixin,
    SuspendAction,
    SuspendForm,
    VerifyAction,
    VerifyForm,
    day,
    user_label,
)
from .models import Graduate, Hire, Introduction, Programme, ProgrammeProvider, ProviderStaff, RetentionCheck


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


# -- Programme providers --------------------------------------------------------------------------


class ProviderFilterSet(WagtailFilterSet):
    class Meta:
        model = ProgrammeProvider
        fields = ["status", "kind"]


class ProviderIndexView(IndexView):
    def get_base_queryset(self):
        return with_provider_figures(super().get_base_queryset())


class ProviderInspectView(PlainValuesMixin, InspectView):
    """One provider: status and actions, details, staff, programmes (never graduates' data)."""

    template_name = "employers/admin/provider_inspect.html"
    page_title = _("Programme provider")
    inspect_url_name = None
    verify_url_name = None
    suspend_url_name = None

    def get_object(self, queryset=None):
        queryset = with_provider_figures(ProgrammeProvider.objects.select_related("status_changed_by"))
        return get_object_or_404(queryset, pk=unquote(str(self.pk)))

    def get_region_display_value(self):
        return f"{self.object.region_name} ({self.object.region})"

    def get_status_changed_by_display_value(self):
        return user_label(self.object.status_changed_by) if self.object.status_changed_by_id else "—"

    def get_status_changed_at_display_value(self):
        return day(self.object.status_changed_at) or "—"

    def get_created_at_display_value(self):
        return day(self.object.created_at)

    @property
    def can_change(self):
        return self.user_has_permission("change")

    def get_inspect_url(self):
        return reverse(self.inspect_url_name, args=[self.object.pk])

    def verify_allowed(self):
        return self.object.status != ProgrammeProvider.Status.VERIFIED

    def suspend_allowed(self):
        return self.object.status != ProgrammeProvider.Status.SUSPENDED

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        provider = self.object
        context.update(
            provider=provider,
            staff=list(provider.staff.select_related("user").order_by("role", "joined_at")),
            programmes=list(provider.programmes.order_by("name")),
            can_change=self.can_change,
            verify_allowed=self.verify_allowed(),
            suspend_allowed=self.suspend_allowed(),
        )
        if self.can_change:
            context.setdefault("verify_form", VerifyForm())
            context.setdefault("suspend_form", SuspendForm())
            context["verify_url"] = reverse(self.verify_url_name, args=[provider.pk])
            context["suspend_url"] = reverse(self.suspend_url_name, args=[provider.pk])
        return context


class VerifyProviderView(VerifyAction, ProviderInspectView):
    forbidden_template = "employers/admin/provider_action_forbidden.html"

    def success_message(self):
        return _("%(name)s is verified: its graduates can now be matched to jobs.") % {
            "name": self.object.name
        }


class SuspendProviderView(SuspendAction, ProviderInspectView):
    forbidden_template = "employers/admin/provider_action_forbidden.html"

    def success_message(self):
        return _("%(name)s is suspended: its graduates are out of matching until it is verified again.") % {
            "name": self.object.name
        }


# -- Introductions and hires (read-only) ----------------------------------------------------------


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
        return f"{graduate.reference} ({graduate.provider.name})"

    def get_requested_by_display_value(self):
        return user_label(self.object.requested_by) if self.object.requested_by_id else "—"

    def get_answered_by_display_value(self):
        return user_label(self.object.answered_by) if self.object.answered_by_id else "—"

    def get_expires_at_display_value(self):
        return day(self.object.expires_at)


class HireIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("employer", "job", "graduate__provider")
            .prefetch_related("retention_checks")
        )


class HireInspectView(PlainValuesMixin, InspectView):
    page_title = _("Hire")

    def get_object(self, queryset=None):
        queryset = Hire.objects.select_related(
            "employer", "job", "graduate__provider", "recorded_by", "introduction"
        )
        return get_object_or_404(queryset, pk=unquote(str(self.pk)))

    def get_graduate_display_value(self):
        graduate = self.object.graduate
        return f"{graduate.reference} ({graduate.provider.name})"

    def get_job_display_value(self):
        return self.object.job.title if self.object.job_id else "—"

    def get_recorded_by_display_value(self):
        return user_label(self.object.recorded_by) if self.object.recorded_by_id else "—"

    def get_introduction_display_value(self):
        intro = self.object.introduction
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
                state = _("due on %(day)s") % {"day": check.due_on.strftime("%-d %b %Y")}
            rows.append(f"{check.months} months: {state}")
        return "; ".join(str(row) for row in rows) or "—"


def retention_label(hire):
    """The latest answer of a hire's retention checks, for the listing (prefetched)."""
    answered = [check for check in hire.retention_checks.all() if check.answer]
    if not answered:
        return _("No answer yet")
    latest = max(answered, key=lambda check: check.months)
    return f"{RetentionCheck.Answer(latest.answer).label} ({latest.months} m)"
