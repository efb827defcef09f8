from django.apps import AppConfig
from django.utils.translation import gettext_lazy

from partners import reference_data


class PartnersConfig(AppConfig):
    name = "partners"

    def ready(self):
        # Imported here, not at the top: these reach models, which Django loads after app configs.
        from partners import area_cache, models
        from portal import page_cache
        from portal.accounts import areas

        reference_data.register()

        # Who sees the partner link in the site header (before the employer link: the narrower,
        # day-to-day area first).
        areas.watch(models.ProviderStaff)
        areas.membership_area(
            areas.Area("partner", gettext_lazy("Partner area"), "/partner/", 10),
            lambda person: models.ProviderStaff.objects.filter(user=person),
        )
        # What the partner graduate list keeps per provider.
        area_cache.connect_signals()
        # Programmes completed count in the impact figures the public sees.
        page_cache.register(models.GraduateProgramme)
