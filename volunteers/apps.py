from django.apps import AppConfig
from django.utils.translation import gettext_lazy

from volunteers import reference_data


class VolunteersConfig(AppConfig):
    name = "volunteers"

    def ready(self):
        # Imported here, not at the top: these reach models, which Django loads after app configs.
        from partners import panels
        from portal.accounts import areas
        from volunteers import models
        from volunteers.partner_panels import dashboard_mentor_requests

        reference_data.register()
        # Who sees the volunteer link in the site header (after the partner and employer areas).
        areas.watch(models.Volunteer)
        areas.membership_area(
            areas.Area("volunteer", gettext_lazy("Volunteer area"), "/volunteer/area/", 30),
            lambda person: models.Volunteer.objects.filter(user=person, erased_at__isnull=True),
        )
        panels.dashboard_panel(dashboard_mentor_requests)
