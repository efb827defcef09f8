"""The review page of a job listing in the Wagtail admin, and its POST actions: approve, reject
with a reason, close, resolve a report. Each action goes through the state machine of JobListing,
which writes a history row and sends job_state_changed, whose receivers e-mail the employer
(employers/notifications.py).
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import InspectView
from wagtail.permissions import policy_registry

from employers.models import Employer
from jobs.job_page_panels import review_panels, wording_notes
from jobs.models import InvalidTransition, JobListing, JobReport
from jobs.wording import find_deterring_phrases
from portal.admin.base import AdminActionMixin, PlainValuesMixin, PublicPageButtonMixin, user_label


def job_label(job):
    return f"{job.title} ({job.employer.name})"


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


class JobReviewView(PublicPageButtonMixin, PlainValuesMixin, InspectView):
    """The listing as the public would see it, side by side with what the moderator needs."""

    template_name = "jobs/admin/job_review.html"
    page_title = _("Review job listing")
    public_page_label = _("View on the job board")
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

    def has_public_page(self):
        return self.object.is_public

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        job = self.object
        reports = list(job.reports.select_related("resolved_by")) if self.can_see_reports() else []
        flags = find_deterring_phrases(job.title, job.description, job.fair_chance_statement)
        context.update(
            job=job,
            employer=job.employer,
            flags=flags,
            # What the employer read beside the form and the wording check: the legal requirement
            # a flagged phrase stands in for, and the guidance for the occupation and region.
            wording_notes=wording_notes(flags, job.occupation, job.region),
            panels=review_panels(job.occupation, job.region),
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


class JobActionView(AdminActionMixin, JobReviewView):
    """change_joblisting only: run one transition of the listing, then back to the review page."""

    form_class = ApproveForm
    action = None
    action_past = None
    forbidden_message = _("Only campaign moderators may approve, reject or close job listings.")
    forbidden_back_label = _("Back to the job listings")
    refusals = (InvalidTransition,)

    def lock_object(self):
        # Two moderators acting at once: the second sees the first one's change and stops. The
        # whole listing is read again, since the approval reads the wording as it now is.
        self.object = (
            JobListing.objects.select_for_update(of=("self",))
            .select_related("employer", "occupation", "created_by")
            .get(pk=self.object.pk)
        )

    def not_allowed_message(self):
        return _("This listing is %(status)s: it cannot be %(action)s now. Nothing was changed.") % {
            "status": self.object.get_status_display().lower(),
            "action": self.action_past,
        }

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


class ResolveReportView(AdminActionMixin, JobReviewView):
    """change_jobreport only: mark one report resolved, back to the listing's review."""

    report_pk_url_kwarg = "report_pk"
    forbidden_message = _("Only campaign moderators may resolve reports.")
    forbidden_back_label = _("Back to the job listings")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.report = get_object_or_404(JobReport, pk=self.kwargs[self.report_pk_url_kwarg], job=self.object)

    def has_action_permission(self):
        return self.can_resolve_reports()

    def post(self, request, *args, **kwargs):
        # No form and no lock: the update itself says whether someone resolved it first.
        updated = JobReport.objects.filter(pk=self.report.pk, resolved_at__isnull=True).update(
            resolved_at=timezone.now(), resolved_by=request.user
        )
        if updated:
            messages.success(request, _("The report is marked resolved."))
        else:
            messages.info(request, _("That report was already resolved."))
        return redirect(self.get_inspect_url())
