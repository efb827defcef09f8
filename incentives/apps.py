from django.apps import AppConfig


class IncentivesConfig(AppConfig):
    name = "incentives"

    def ready(self):
        # Imported here, not at the top: these reach models, which Django loads after app configs.
        from employers import dashboard
        from incentives import models
        from incentives.eligibility import dashboard_panel
        from portal import page_cache

        dashboard.panel("hints", dashboard_panel)
        # What the scheme list and the checker show.
        page_cache.register(models.IncentiveScheme, models.IncentiveCondition, models.IncentiveStep)
