"""Volunteers in the Wagtail admin: the list, and one volunteer's page with their personal data
(every view audited), the checklist of their role, references, the status history and matches,
and the POST actions beside it: move in the screening, request a reference, tick the checklist,
erase. Each action goes through the model's own method (volunteers/models.py)."""

import django_filters
from django import forms
from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import InspectView

from portal.admin.base import AdminActionMixin, ReadOnlyModelViewSet, day, label_of, status_column
from volunteers.forms import ChecklistForm, EraseForm, RequestReferenceForm, TransitionForm
from volunteers.models import ScreeningRefused, Status, Volunteer, VolunteerDataAccess
from volunteers.notices import ask_referee


class VolunteerFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Status.choices, empty_label=_("All"), widget=forms.RadioSelect
    )

    class Meta:
        model = Volunteer
        fields = ["status", "role"]


AUDIT_ROWS = 20  # the latest views of the volunteer's data, on their page


class VolunteerInspectView(InspectView):
    template_name = "volunteers/admin/volunteer_inspect.html"
    page_title = _("Volunteer")
    forbidden_message = _("Only campaign moderators may screen volunteers.")
    forbidden_back_label = _("Back to the volunteers")
    action_url_names = {}

    def get_object(self, queryset=None):
        return get_object_or_404(Volunteer.objects.select_related("user"), pk=unquote(str(self.pk)))

    def get_inspect_url(self):
        return reverse(self.action_url_names["inspect"], args=[self.object.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        volunteer = self.object
        references = list(volunteer.references.select_related("requested_by"))
        can_change = self.user_has_permission("change")
        if not volunteer.is_erased:
            VolunteerDataAccess.record(self.request, volunteer)
        context.update(
            volunteer=volunteer,
            references=references,
            checklist=volunteer.checklist(sum(1 for ref in references if ref.given_at)),
            history=list(volunteer.status_history.select_related("changed_by")),
            mentorships=list(volunteer.mentorships.select_related("request__graduate", "request__provider")),
            accesses=list(volunteer.data_accesses.select_related("user")[:AUDIT_ROWS]),
            can_change=can_change and not volunteer.is_erased,
            next_statuses=[Status(value) for value in volunteer.next_statuses()],
            urls={
                name: reverse(url_name, args=[volunteer.pk])
                for name, url_name in self.action_url_names.items()
            },
        )
        if can_change:
            context.setdefault("transition_form", TransitionForm())
            context.setdefault("reference_form", RequestReferenceForm())
            context.setdefault("checklist_form", ChecklistForm(instance=volunteer))
            context.setdefault("erase_form", EraseForm())
        return context


class VolunteerAction(AdminActionMixin):
    refusals = (ScreeningRefused,)

    def allowed(self):
        return not self.object.is_erased

    def not_allowed_message(self):
        return _("This volunteer's data was erased: nothing more can change.")


class TransitionAction(VolunteerAction):
    form_class = TransitionForm
    form_context_name = "transition_form"

    def perform(self, form):
        self.previous = self.object.move_to(
            form.cleaned_data["status"], self.request.user, form.cleaned_data["reason"].strip()
        )

    def success_message(self):
        return _("%(name)s is now “%(status)s”.") % {
            "name": self.object.full_name,
            "status": self.object.get_status_display(),
        }


class RequestReferenceAction(VolunteerAction):
    form_class = RequestReferenceForm
    form_context_name = "reference_form"

    def perform(self, form):
        reference = form.save(commit=False)
        reference.volunteer, reference.requested_by = self.object, self.request.user
        reference.save()
        ask_referee(reference)

    def success_message(self):
        return _("The referee has been e-mailed a link to give the reference.")


class ChecklistAction(VolunteerAction):
    form_class = ChecklistForm
    form_context_name = "checklist_form"

    def get_form(self):
        return self.form_class(self.request.POST, instance=self.object)

    def perform(self, form):
        form.save()

    def success_message(self):
        return _("The checklist is saved.")


class EraseAction(VolunteerAction):
    form_class = EraseForm
    form_context_name = "erase_form"

    def perform(self, form):
        self.object.erase(by=self.request.user, request=self.request)

    def success_message(self):
        return _("The volunteer's personal data is erased; the history is kept without it.")


ACTIONS = {
    "transition": TransitionAction,
    "request_reference": RequestReferenceAction,
    "checklist": ChecklistAction,
    "erase": EraseAction,
}


class VolunteerViewSet(ReadOnlyModelViewSet):
    model = Volunteer
    name = "volunteers_admin"
    url_prefix = "volunteers"
    icon = "user"
    menu_label = _("Volunteers")
    inspect_view_class = VolunteerInspectView
    list_per_page = 50
    ordering = "-applied_at"
    list_display = [
        "__str__",
        Column("role", accessor=label_of("role"), label=_("Role"), sort_key="role"),
        Column("region_name", label=_("Region")),
        status_column(Status.APPLIED),
        Column(
            "applied_at",
            accessor=lambda volunteer: day(volunteer.applied_at),
            label=_("Applied"),
            sort_key="applied_at",
        ),
    ]
    filterset_class = VolunteerFilterSet
    search_fields = ["full_name", "email"]

    def get_inspect_view_kwargs(self, **kwargs):
        names = {"inspect": self.get_url_name("inspect")} | {
            name: self.get_url_name(name) for name in ACTIONS
        }
        return super().get_inspect_view_kwargs(action_url_names=names, **kwargs)

    def action_view(self, action):
        view_class = type(f"{action.__name__}View", (action, self.inspect_view_class), {})
        return self.construct_view(view_class, **self.get_inspect_view_kwargs())

    def get_urlpatterns(self):
        conv = self.pk_path_converter
        return [
            *super().get_urlpatterns(),
            *(
                path(f"{name.replace('_', '-')}/<{conv}:pk>/", self.action_view(action), name=name)
                for name, action in ACTIONS.items()
            ),
        ]
