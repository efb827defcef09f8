"""Views of the Wagtail admin for campaign staff: employers to verify or suspend, hiring pledges.

Staff never create or edit organisations through a generic form: the viewsets in wagtail_hooks.py
expose only a listing and a detail ("inspect") page, and status changes go through the two POST
actions below, which call Employer.verify / Employer.suspend (history row, signal, owner e-mail).
"""

import datetime

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.db import transaction
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.widgets.boolean_radio_select import BooleanRadioSelect
from wagtail.admin.widgets.button import Button
from wagtail.permissions import policy_registry

from portal.widgets import QuickSelect

from .admin_tables import PlainRowsIndexMixin
from .models import (
    Employer,
    HiringPledge,
    HiringPledgeCommitment,
    Membership,
    PledgeCommitment,
    ProgressReport,
)
from .taxonomy import SectorChoices

# A progress report is overdue this long after it was asked for (as HiringPledge.progress_overdue).
PROGRESS_GRACE = datetime.timedelta(days=30)


# -- Query helpers: one query for a whole listing page, never one per row -------------------------


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


def with_staff_figures(queryset, now=None):
    """Annotate employers with what the staff listing shows: members, pledge state, overdue flag."""
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


def pledge_state_label(employer):
    """The state of an annotated employer's pledge: active if any is, else that of the latest."""
    if employer.pledge_active:
        return HiringPledge.State.ACTIVE.label
    if not employer.pledge_any:
        return _("No pledge")
    if employer.pledge_latest_withdrawn_at is not None:
        return HiringPledge.State.WITHDRAWN.label
    return HiringPledge.State.EXPIRED.label


def user_label(user):
    if user is None:
        return _("(deleted user)")
    full_name = user.get_full_name()
    return f"{full_name} <{user.email}>" if full_name else user.email


# -- Employers ------------------------------------------------------------------------------------


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


class VerifyForm(forms.Form):
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the history and included in the e-mail to the owners."),
    )


class SuspendForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required. Kept in the history and sent to the owners."),
        error_messages={"required": _("Give the reason for the suspension: the owners are told it.")},
    )


class PlainValuesMixin:
    """Inspect views: "—" for empty values, Yes/No for booleans."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if value is None or value == "" or value == []:
            return "—"
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        return value


def label_of(field_name):
    """A column accessor showing a choice field's label, as get_FOO_display does, without what
    that costs per row: Django makes the field's choices hashable on every call, and hashing a
    lazily translated label translates it (21 sectors and 4 states on 50 rows of the employer
    list were 2,000 translations per page)."""

    def accessor(instance):
        value = getattr(instance, field_name)
        return dict(instance._meta.get_field(field_name).flatchoices).get(value, value)

    return accessor


def day(value):
    """A date column that also reads well for dates to come (Wagtail's says "Just now" for those)."""
    return date_format(timezone.localtime(value), "j M Y") if value else ""


class EmployerInspectView(PlainValuesMixin, InspectView):
    """Everything about one organisation, its members, pledges and status history, and the actions."""

    template_name = "employers/admin/employer_inspect.html"
    page_title = _("Employer")
    inspect_url_name = None
    verify_url_name = None
    suspend_url_name = None

    def get_object(self, queryset=None):
        queryset = Employer.objects.select_related("status_changed_by", "logo")
        return get_object_or_404(queryset, pk=unquote(str(self.pk)))

    def get_head_office_region_display_value(self):
        return f"{self.object.head_office_region_name} ({self.object.head_office_region})"

    def get_regions_of_operation_display_value(self):
        return ", ".join(self.object.regions_of_operation_names()) or "—"

    def get_status_changed_by_display_value(self):
        return user_label(self.object.status_changed_by) if self.object.status_changed_by_id else "—"

    def get_logo_display_value(self):
        logo = self.object.logo
        return logo.title if logo else "—"

    @property
    def can_change(self):
        return self.user_has_permission("change")

    def get_inspect_url(self):
        return reverse(self.inspect_url_name, args=[self.object.pk])

    def verify_allowed(self):
        return self.object.status != Employer.Status.VERIFIED

    def suspend_allowed(self):
        return self.object.status != Employer.Status.SUSPENDED

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.object.is_verified:
            buttons.append(
                Button(
                    _("View public profile"),
                    url=self.object.get_absolute_url(),
                    icon_name="link-external",
                    priority=30,
                )
            )
        return buttons

    details_approve_url_name = None
    details_reject_url_name = None

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
            can_change=self.can_change,
            can_view_pledges=policy_registry.get_by_type(HiringPledge).user_has_any_permission(
                self.request.user, ["view", "change"]
            ),
            verify_allowed=self.verify_allowed(),
            suspend_allowed=self.suspend_allowed(),
        )
        if self.can_change:
            context.setdefault("verify_form", VerifyForm())
            context.setdefault("suspend_form", SuspendForm())
            context["verify_url"] = reverse(self.verify_url_name, args=[employer.pk])
            context["suspend_url"] = reverse(self.suspend_url_name, args=[employer.pk])
        return context


class StatusActionMixin:
    """POST only, change permission only: run one status transition, then back to the detail page.

    Shared by the employer and programme-provider admin; subclasses say what is allowed, what
    to do and what to tell the moderator.
    """

    permission_required = "change"
    http_method_names = ["post"]
    form_class = None
    form_context_name = None
    forbidden_template = "employers/admin/action_forbidden.html"

    def dispatch(self, request, *args, **kwargs):
        # Wagtail turns PermissionDenied into a redirect to the dashboard; say 403 plainly instead.
        # Nothing of the object is shown: the user may not even be allowed to view it.
        if not self.user_has_permission(self.permission_required):
            context = {
                "page_title": _("Permission denied"),
                "header_title": _("Permission denied"),
                "header_icon": "warning",
                "index_url": reverse(self.index_url_name) if self.index_url_name else None,
            }
            return TemplateResponse(request, self.forbidden_template, context, status=403)
        return super().dispatch(request, *args, **kwargs)

    def allowed(self):
        raise NotImplementedError

    def not_allowed_message(self):
        raise NotImplementedError

    def perform(self, form):
        raise NotImplementedError

    def success_message(self):
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        form = self.form_class(request.POST)
        with transaction.atomic():
            # Two moderators acting at once: the second sees the first one's change and stops.
            locked = type(self.object).objects.select_for_update().get(pk=self.object.pk)
            self.object.status = locked.status
            allowed = self.allowed()
            valid = allowed and form.is_valid()
            if valid:
                self.perform(form)
        if not allowed:
            messages.error(request, self.not_allowed_message())
            return redirect(self.get_inspect_url())
        if not valid:
            messages.error(request, _("Nothing was changed. Correct the form below and try again."))
            context = self.get_context_data(**{self.form_context_name: form})
            return self.render_to_response(context, status=400)
        messages.success(request, self.success_message())
        return redirect(self.get_inspect_url())


class VerifyAction(StatusActionMixin):
    form_class = VerifyForm
    form_context_name = "verify_form"

    def allowed(self):
        return self.verify_allowed()

    def not_allowed_message(self):
        return _("%(name)s is already verified.") % {"name": self.object.name}

    def perform(self, form):
        self.object.verify(by=self.request.user, reason=form.cleaned_data["note"].strip())


class SuspendAction(StatusActionMixin):
    form_class = SuspendForm
    form_context_name = "suspend_form"

    def allowed(self):
        return self.suspend_allowed()

    def not_allowed_message(self):
        return _("%(name)s is already suspended.") % {"name": self.object.name}

    def perform(self, form):
        self.object.suspend(by=self.request.user, reason=form.cleaned_data["reason"].strip())


class VerifyEmployerView(VerifyAction, EmployerInspectView):
    def success_message(self):
        return _("%(name)s is verified. Its owners are told by e-mail.") % {"name": self.object.name}


class SuspendEmployerView(SuspendAction, EmployerInspectView):
    def success_message(self):
        return _("%(name)s is suspended. Its owners are told by e-mail, with the reason.") % {
            "name": self.object.name
        }


class DetailsReviewForm(forms.Form):
    """Nothing to fill in: the buttons say it all."""


class DetailsReviewAction(StatusActionMixin):
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


# -- Hiring pledges (read-only) -------------------------------------------------------------------


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


# -- Pledge commitments ---------------------------------------------------------------------------


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
