"""Verify or suspend an organisation: employers and programme providers alike.

Both are verifiable organisations with the same status transitions (verify, suspend: a history
row, a signal, an e-mail to the owners). Their detail pages share the status section and its two
forms (portal/templates/portal/admin/_status_section.html); the viewsets share the two POST actions,
the one VerifyAction and the one SuspendAction below, each combined with the viewset's own detail
page. What differs is said in each organisation's words on its inspect view.
"""

from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import InspectView

from portal.admin.base import AdminActionMixin, PlainValuesMixin, user_label


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


class OrganisationInspectView(PlainValuesMixin, InspectView):
    """The detail page of a verifiable organisation: its status, and the verify and suspend forms
    for those who may change it."""

    inspect_url_name = None
    verify_url_name = None
    suspend_url_name = None
    # Said after each action, and on the 403 page of those who may not act.
    verified_message = None
    suspended_message = None
    forbidden_message = None
    forbidden_back_label = None

    def get_status_changed_by_display_value(self):
        return user_label(self.object.status_changed_by) if self.object.status_changed_by_id else "—"

    @property
    def can_change(self):
        return self.user_has_permission("change")

    def get_inspect_url(self):
        return reverse(self.inspect_url_name, args=[self.object.pk])

    def verify_allowed(self):
        return self.object.status != type(self.object).Status.VERIFIED

    def suspend_allowed(self):
        return self.object.status != type(self.object).Status.SUSPENDED

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            can_change=self.can_change,
            verify_allowed=self.verify_allowed(),
            suspend_allowed=self.suspend_allowed(),
        )
        if self.can_change:
            context.setdefault("verify_form", VerifyForm())
            context.setdefault("suspend_form", SuspendForm())
            context["verify_url"] = reverse(self.verify_url_name, args=[self.object.pk])
            context["suspend_url"] = reverse(self.suspend_url_name, args=[self.object.pk])
        return context


class VerifyAction(AdminActionMixin):
    form_class = VerifyForm
    form_context_name = "verify_form"

    def allowed(self):
        return self.verify_allowed()

    def not_allowed_message(self):
        return _("%(name)s is already verified.") % {"name": self.object.name}

    def perform(self, form):
        self.object.verify(by=self.request.user, reason=form.cleaned_data["note"].strip())

    def success_message(self):
        return self.verified_message % {"name": self.object.name}


class SuspendAction(AdminActionMixin):
    form_class = SuspendForm
    form_context_name = "suspend_form"

    def allowed(self):
        return self.suspend_allowed()

    def not_allowed_message(self):
        return _("%(name)s is already suspended.") % {"name": self.object.name}

    def perform(self, form):
        self.object.suspend(by=self.request.user, reason=form.cleaned_data["reason"].strip())

    def success_message(self):
        return self.suspended_message % {"name": self.object.name}


class VerificationActionsMixin:
    """For the viewset of a verifiable organisation (its inspect_view_class an
    OrganisationInspectView): the verify and suspend actions (POST) beside the detail page."""

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            verify_url_name=self.get_url_name("verify"),
            suspend_url_name=self.get_url_name("suspend"),
            **kwargs,
        )

    def action_view(self, action):
        # The action runs on the viewset's own detail page (its object, its template, its words),
        # so the view is the one action combined with that page's class.
        view_class = type(
            f"{action.__name__}{self.inspect_view_class.__name__}", (action, self.inspect_view_class), {}
        )
        return self.construct_view(view_class, **self.get_inspect_view_kwargs())

    @property
    def verify_view(self):
        return self.action_view(VerifyAction)

    @property
    def suspend_view(self):
        return self.action_view(SuspendAction)

    def get_urlpatterns(self):
        conv = self.pk_path_converter
        return [
            *super().get_urlpatterns(),
            path(f"verify/<{conv}:pk>/", self.verify_view, name="verify"),
            path(f"suspend/<{conv}:pk>/", self.suspend_view, name="suspend"),
        ]
