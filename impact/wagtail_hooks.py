from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .permissions import can_view_dashboard
from .views import ImpactDashboardView


@hooks.register("register_admin_urls")
def impact_admin_urls():
    return [path("impact/", ImpactDashboardView.as_view(), name="impact_dashboard")]


class ImpactMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_dashboard(request.user)


@hooks.register("register_admin_menu_item")
def impact_menu_item():
    return ImpactMenuItem(_("Impact"), reverse("impact_dashboard"), icon_name="table", order=250)
