"""The attendee list of each event in the Wagtail admin (events/admin.py). Registration only."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from .admin import AttendeesView, can_view_attendees
from .models import EventPage


@hooks.register("register_admin_urls")
def events_admin_urls():
    return [path("events/<int:event_id>/attendees/", AttendeesView.as_view(), name="events_attendees")]


@hooks.register("register_page_header_buttons")
def attendees_button(page, user, view_name, next_url=None):
    if page.specific_class is EventPage and can_view_attendees(user):
        yield Button(
            _("Attendees"), reverse("events_attendees", args=[page.pk]), icon_name="group", priority=12
        )


@hooks.register("register_page_listing_more_buttons")
def attendees_listing_button(page, user, next_url=None):
    if page.specific_class is EventPage and can_view_attendees(user):
        yield Button(
            _("Attendees"), reverse("events_attendees", args=[page.pk]), icon_name="group", priority=12
        )
