"""The "Volunteers" menu of the Wagtail admin: volunteers and their screening, mentor requests.
Registration only."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from volunteers.admin.requests import MentorRequestViewSet
from volunteers.admin.screening import VolunteerViewSet


class VolunteersGroup(ViewSetGroup):
    menu_label = _("Volunteers")
    menu_name = "volunteers"
    menu_icon = "user"
    items = (VolunteerViewSet, MentorRequestViewSet)


@hooks.register("register_admin_viewset")
def register_volunteers_group():
    return VolunteersGroup()
