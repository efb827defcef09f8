"""Views of the Wagtail admin for moderating job listings: the queue, the review page, the actions.

Staff never create or edit a listing through a generic form. The viewset in wagtail_hooks.py
exposes a listing, a review ("inspect") page and the POST actions below, which go through the
state machine of JobListing (approve, reject with a reason, close): each writes a history row and
sends job_state_changed, whose receivers e-mail the employer (employers/notifications.py).
Reports from the public are read here too, and marked resolved.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.boolean_radio_select import BooleanRadioSelect
from wagtail.admin.widgets.button import Button
from wagtail.permissions import policy_registry

from portal.widgets import QuickSelect

from .admin_tables import EstimatingPaginator, PlainRowsIndexMixin
from .admin_views import PlainValuesMixin, user_label
from .models import Employer, InvalidTransition, JobListing, JobReport
from .taxonomy import SectorChoices
from .wording import find_deterring_phrases, phrase_patterns

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


def job_label(job):
    return f"{job.title} ({job.employer.name})"


# -- The moderation queue -------------------------------------------------------------------------


class EmployerNameInput(forms.TextInput):
    """A text box; with JavaScript, the names of employers matching what is typed to choose from
    (a <datalist> filled from the employer-names view), without it a plain text filter."""

    def __init__(self, attrs=None):
        names_url = reverse_lazy("jobs_admin:employer_names")
        super().__init__({"autocomplete": "off", "data-employer-names-url": names_url, **(attrs or {})})

    class Media:
        js = ["employers/admin/employer_names.js"]


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


# -- Forms of the actions -------------------------------------------------------------------------


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required. Sent to the employer, who can then change the listing and submit it again."),
        error_messages={"required": _("Say why the listing is rejected, so the employer can fix it.")},
    )


class CloseForm(forms.Form):
    reason = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the history of the listing."),
    )
    resolve_reports = forms.BooleanField(
        label=_("Mark its open reports resolved"), required=False, initial=True
    )


class ApproveForm(forms.Form):
    """Approving a listing whose wording is still flagged takes a second, deliberate step."""

    confirm_wording = forms.BooleanField(
        label=_("I have read the flagged wording and approve the listing as it is"),
        required=False,
    )

    def __init__(self, *args, flags=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.flags = list(flags)

    def clean(self):
        cleaned = super().clean()
        if self.flags and not cleaned.get("confirm_wording"):
            self.add_error(
                "confirm_wording",
                _(
                    "The listing still says %(phrases)s. Tick the box to approve it anyway, "
                    "or reject it and ask the employer to change the wording."
                )
                % {"phrases": ", ".join(f"“{flag.phrase}”" for flag in self.flags)},
            )
        return cleaned


# -- The review page ------------------------------------------------------------------------------


class JobReviewView(PlainValuesMixin, InspectView):
    """The listing as the public would see it, side by side with what the moderator needs."""

    template_name = "employers/admin/job_review.html"
    page_title = _("Review job listing")
    inspect_url_name = None
    approve_url_name = None
    reject_url_name = None
    close_url_name = None
    resolve_report_url_name = None

    def get_object(self, queryset=None):
        queryset = JobListing.objects.select_related("employer", "occupation", "created_by")
        return get_object_or_404(queryset, pk=unquote(str(self.pk)))

    def get_page_subtitle(self):
        return job_label(self.object)

    @property
    def can_change(self):
        return self.user_has_permission("change")

    def can_see_reports(self):
        return policy_registry.get_by_type(JobReport).user_has_any_permission(
            self.request.user, ["view", "change"]
        )

    def can_resolve_reports(self):
        return policy_registry.get_by_type(JobReport).user_has_permission(self.request.user, "change")

    def get_inspect_url(self):
        return reverse(self.inspect_url_name, args=[self.object.pk])

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.object.is_public:
            buttons.append(
                Button(
                    _("View on the job board"),
                    url=self.object.get_absolute_url(),
                    icon_name="link-external",
                    priority=30,
                )
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        job = self.object
        reports = list(job.reports.select_related("resolved_by")) if self.can_see_reports() else []
        context.update(
            job=job,
            employer=job.employer,
            flags=find_deterring_phrases(job.title, job.description, job.fair_chance_statement),
            skill_links=list(job.skill_links.select_related("skill").order_by("-required", "skill__name")),
            certification_links=list(
                job.certification_links.select_related("certification").order_by(
                    "-required", "certification__name"
                )
            ),
            history=list(job.history.select_related("changed_by")),
            can_see_reports=self.can_see_reports(),
            open_reports=[r for r in reports if r.resolved_at is None],
            resolved_reports=[r for r in reports if r.resolved_at is not None],
            can_change=self.can_change,
            can_resolve_reports=self.can_resolve_reports(),
            approve_allowed=job.can("approve"),
            reject_allowed=job.can("reject"),
            close_allowed=job.status == JobListing.Status.PUBLISHED,
            created_by_label=user_label(job.created_by) if job.created_by_id else "—",
            employer_inspect_url=self._employer_inspect_url(),
        )
        if self.can_change:
            context.setdefault("approve_form", ApproveForm(flags=context["flags"]))
            context.setdefault("reject_form", RejectForm())
            context.setdefault("close_form", CloseForm())
            context["approve_url"] = reverse(self.approve_url_name, args=[job.pk])
            context["reject_url"] = reverse(self.reject_url_name, args=[job.pk])
            context["close_url"] = reverse(self.close_url_name, args=[job.pk])
        if context["can_resolve_reports"]:
            context["resolve_report_url_name"] = self.resolve_report_url_name
        return context

    def _employer_inspect_url(self):
        if policy_registry.get_by_type(Employer).user_has_any_permission(
            self.request.user, ["view", "change"]
        ):
            return reverse("employers_admin:inspect", args=[self.object.employer_id])
        return None


def forbidden(request, index_url, message):
    """Wagtail turns PermissionDenied into a redirect to the dashboard; say 403 plainly instead.

    Nothing of the listing is shown: the user may not even be allowed to view it.
    """
    context = {
        "page_title": _("Permission denied"),
        "header_title": _("Permission denied"),
        "header_icon": "warning",
        "index_url": index_url,
        "message": message,
    }
    return TemplateResponse(request, "employers/admin/job_action_forbidden.html", context, status=403)


class JobActionView(JobReviewView):
    """POST only, change_joblisting only: run one transition, then back to the review page."""

    permission_required = "change"
    http_method_names = ["post"]
    form_class = ApproveForm
    form_context_name = None
    action = None

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission(self.permission_required):
            index_url = reverse(self.index_url_name) if self.index_url_name else None
            return forbidden(
                request, index_url, _("Only campaign moderators may approve, reject or close job listings.")
            )
        return super().dispatch(request, *args, **kwargs)

    def perform(self, form):
        raise NotImplementedError

    def get_form(self):
        return self.form_class(self.request.POST)

    def success_message(self):
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        error = None
        with transaction.atomic():
            # Two moderators acting at once: the second sees the first one's change and stops.
            self.object = (
                JobListing.objects.select_for_update(of=("self",))
                .select_related("employer", "occupation", "created_by")
                .get(pk=self.object.pk)
            )
            form = self.get_form()  # after the lock: the approval reads the wording as it now is
            allowed = self.allowed()
            valid = allowed and form.is_valid()
            if valid:
                try:
                    self.perform(form)
                except InvalidTransition as exc:
                    error = str(exc)
        if not allowed:
            messages.error(
                request,
                _("This listing is %(status)s: it cannot be %(action)s now. Nothing was changed.")
                % {"status": self.object.get_status_display().lower(), "action": self.action_past},
            )
            return redirect(self.get_inspect_url())
        if not valid or error:
            if error:
                form.add_error(None, error)
            messages.error(request, _("Nothing was changed. Correct the form below and try again."))
            context = self.get_context_data(
                **({self.form_context_name: form} if self.form_context_name else {})
            )
            return self.render_to_response(context, status=400)
        messages.success(request, self.success_message())
        return redirect(self.get_inspect_url())

    def allowed(self):
        return self.object.can(self.action)


class ApproveJobView(JobActionView):
    action = "approve"
    action_past = _("approved")
    form_context_name = "approve_form"

    def get_form(self):
        flags = find_deterring_phrases(
            self.object.title, self.object.description, self.object.fair_chance_statement
        )
        return self.form_class(self.request.POST, flags=flags)

    def perform(self, form):
        self.object.approve(by=self.request.user)

    def success_message(self):
        return _("“%(title)s” is published. The employer is told by e-mail.") % {"title": self.object.title}


class RejectJobView(JobActionView):
    action = "reject"
    action_past = _("rejected")
    form_class = RejectForm
    form_context_name = "reject_form"

    def perform(self, form):
        self.object.reject(by=self.request.user, reason=form.cleaned_data["reason"].strip())

    def success_message(self):
        return _("“%(title)s” is rejected. The employer is told by e-mail, with the reason.") % {
            "title": self.object.title
        }


class CloseJobView(JobActionView):
    action = "close"
    action_past = _("closed")
    form_class = CloseForm
    form_context_name = "close_form"

    def allowed(self):
        # Staff close what the public can see (after a report, say); drafts belong to the employer.
        return self.object.status == JobListing.Status.PUBLISHED

    def perform(self, form):
        self.object.transition("close", by=self.request.user, reason=form.cleaned_data["reason"].strip())
        if form.cleaned_data["resolve_reports"]:
            self.object.reports.filter(resolved_at__isnull=True).update(
                resolved_at=timezone.now(), resolved_by=self.request.user
            )

    def success_message(self):
        return _("“%(title)s” is closed and no longer on the job board.") % {"title": self.object.title}


class ResolveReportView(JobReviewView):
    """POST only, change_jobreport only: mark one report resolved, back to the listing's review."""

    http_method_names = ["post"]
    report_pk_url_kwarg = "report_pk"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.report = get_object_or_404(JobReport, pk=self.kwargs[self.report_pk_url_kwarg], job=self.object)

    def dispatch(self, request, *args, **kwargs):
        if not self.can_resolve_reports():
            index_url = reverse(self.index_url_name) if self.index_url_name else None
            return forbidden(request, index_url, _("Only campaign moderators may resolve reports."))
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        updated = JobReport.objects.filter(pk=self.report.pk, resolved_at__isnull=True).update(
            resolved_at=timezone.now(), resolved_by=request.user
        )
        if updated:
            messages.success(request, _("The report is marked resolved."))
        else:
            messages.info(request, _("That report was already resolved."))
        return redirect(self.get_inspect_url())


# -- Reports from the public (read-only) -----------------------------------------------------------


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
    template_name = "employers/admin/job_report_inspect.html"

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
