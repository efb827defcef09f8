"""The Wagtail admin's attendee list of one event: confirmed, waiting and cancelled people, the
CSV export (guarded against spreadsheet formulas) and marking who came after the event.

Attendees' names, addresses and needs are personal data: only staff holding the permissions
see them (editors view; moderators view, export and mark attendance), never the public pages.
"""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.spreadsheets import safe_cell

from . import signups
from .forms import PresenceForm
from .models import Attendee, EventPage, SignUpSheet

VIEW = "events.view_attendee"
EXPORT = "events.export_attendee"
CHANGE = "events.change_attendee"

STATUS_ORDER = [
    Attendee.Status.CONFIRMED,
    Attendee.Status.WAITING,
    Attendee.Status.PENDING,
    Attendee.Status.CANCELLED,
]


def can_view_attendees(user):
    return user.is_active and user.has_perm(VIEW)


class AttendeesView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "events/admin/attendees.html"
    page_title = gettext_lazy("Attendees")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_attendees(request.user):
            raise PermissionDenied
        event = EventPage.objects.filter(pk=kwargs["event_id"]).first()
        if event is None:
            raise Http404
        self.event = event.source_event()
        self.sheet = SignUpSheet.objects.filter(event=self.event).first()
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.event.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": "", "label": self.page_title},
            {"url": "", "label": self.event.title},
        ]

    def attendees(self):
        if self.sheet is None:
            return []
        rows = list(self.sheet.attendees.order_by("created_at", "pk"))
        rank = {status: position for position, status in enumerate(STATUS_ORDER)}
        waiting = [row for row in rows if row.status == Attendee.Status.WAITING]
        waiting.sort(key=lambda row: (row.queued_at, row.pk))
        for position, row in enumerate(waiting, start=1):
            row.position = position
        rows.sort(key=lambda row: (rank[row.status], row.queued_at or row.created_at, row.pk))
        return rows

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "csv":
            if not request.user.has_perm(EXPORT):
                raise PermissionDenied
            return self.csv()
        return self.render_to_response(self.get_context_data(form=PresenceForm(sheet=self.sheet)))

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm(CHANGE):
            raise PermissionDenied
        if self.sheet is None:
            raise Http404
        form = PresenceForm(request.POST, sheet=self.sheet)
        if not self.event.is_past:
            form.is_valid()
            form.add_error(None, _("Attendance can be marked once the event has started."))
        if not form.errors and form.is_valid():
            marked = signups.record_presence(
                [attendee.pk for attendee in form.cleaned_data["attendees"]],
                self.sheet,
                form.cleaned_data["presence"],
            )
            messages.success(
                request,
                ngettext(
                    "Attendance recorded for %(count)d person.",
                    "Attendance recorded for %(count)d people.",
                    marked,
                )
                % {"count": marked},
            )
            return redirect(reverse("events_attendees", args=[self.event.pk]))
        response = self.render_to_response(self.get_context_data(form=form))
        response.status_code = 400
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        attendees = self.attendees()
        context.update(
            event=self.event,
            attendees=attendees,
            counts={status: sum(1 for row in attendees if row.status == status) for status in STATUS_ORDER},
            statuses=[(status, Attendee.Status(status).label) for status in STATUS_ORDER],
            can_export=self.request.user.has_perm(EXPORT),
            can_mark=self.request.user.has_perm(CHANGE) and self.event.is_past,
        )
        return context

    def csv(self):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="attendees-{self.event.slug}.csv"'
        response["Cache-Control"] = "private, no-store"
        writer = csv.writer(response)
        writer.writerow(
            ["name", "email", "status", "waiting_position", "accessibility_needs", "attendance", "signed_up"]
        )
        for row in self.attendees():
            writer.writerow(
                [
                    safe_cell(row.name),
                    safe_cell(row.email),
                    safe_cell(row.status),
                    safe_cell(getattr(row, "position", "")),
                    safe_cell(row.accessibility_needs),
                    safe_cell(row.presence),
                    safe_cell(row.created_at.isoformat()),
                ]
            )
        return response
