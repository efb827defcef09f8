"""Mentor requests in the Wagtail admin: the open ones first, and one request's page with the
active mentors ranked for it (volunteers/ranking.py), each with its reasons in plain words, and
the POST action that matches one of them and introduces mentor and coordinators by e-mail."""

import django_filters
from django import forms
from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView

from portal.admin.base import AdminActionMixin, ReadOnlyModelViewSet, day, label_of, status_column
from volunteers.forms import MatchForm
from volunteers.models import MentorRequest, ScreeningRefused
from volunteers.notices import introduce
from volunteers.ranking import candidates_for


class MentorRequestFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=MentorRequest.Status.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = MentorRequest
        fields = ["status", "preferred_role"]


class MentorRequestIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("graduate", "provider")


class MentorRequestInspectView(InspectView):
    template_name = "volunteers/admin/request_inspect.html"
    page_title = _("Mentor request")
    forbidden_message = _("Only campaign moderators may match mentors.")
    forbidden_back_label = _("Back to the mentor requests")
    match_url_name = None
    inspect_url_name = None

    def get_object(self, queryset=None):
        queryset = MentorRequest.objects.select_related(
            "graduate", "provider", "requested_by", "mentorship__volunteer"
        )
        return get_object_or_404(queryset, pk=unquote(str(self.pk)))

    def get_inspect_url(self):
        return reverse(self.inspect_url_name, args=[self.object.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        mentor_request = self.object
        is_open = mentor_request.status == MentorRequest.Status.OPEN
        context.update(
            mentor_request=mentor_request,
            mentorship=getattr(mentor_request, "mentorship", None),
            candidates=candidates_for(mentor_request) if is_open else [],
            can_change=self.user_has_permission("change") and is_open,
            match_url=reverse(self.match_url_name, args=[mentor_request.pk]),
        )
        context.setdefault("match_form", MatchForm())
        return context


class MatchAction(AdminActionMixin):
    form_class = MatchForm
    form_context_name = "match_form"
    refusals = (ScreeningRefused,)

    def allowed(self):
        return self.object.status == MentorRequest.Status.OPEN

    def not_allowed_message(self):
        return _("This request is no longer open.")

    def perform(self, form):
        self.mentorship = self.object.match(form.cleaned_data["volunteer"], by=self.request.user)
        introduce(self.mentorship)

    def success_message(self):
        return _("Matched with %(name)s: both have been introduced by e-mail.") % {
            "name": self.mentorship.volunteer.full_name
        }


class MentorRequestViewSet(ReadOnlyModelViewSet):
    model = MentorRequest
    name = "mentor_requests_admin"
    url_prefix = "mentor-requests"
    icon = "link"
    menu_label = _("Mentor requests")
    index_view_class = MentorRequestIndexView
    inspect_view_class = MentorRequestInspectView
    list_per_page = 50
    ordering = "-requested_at"
    list_display = [
        "__str__",
        Column("provider", label=_("Programme provider"), accessor=lambda r: r.provider.name),
        Column("preferred_role", accessor=label_of("preferred_role"), label=_("Role asked for")),
        status_column(MentorRequest.Status.OPEN),
        Column(
            "requested_at",
            accessor=lambda r: day(r.requested_at),
            label=_("Requested"),
            sort_key="requested_at",
        ),
    ]
    filterset_class = MentorRequestFilterSet
    search_fields = ["graduate__reference", "provider__name"]

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            match_url_name=self.get_url_name("match"), inspect_url_name=self.get_url_name("inspect"), **kwargs
        )

    @property
    def match_view(self):
        view_class = type("MatchActionView", (MatchAction, self.inspect_view_class), {})
        return self.construct_view(view_class, **self.get_inspect_view_kwargs())

    def get_urlpatterns(self):
        conv = self.pk_path_converter
        return [*super().get_urlpatterns(), path(f"match/<{conv}:pk>/", self.match_view, name="match")]
