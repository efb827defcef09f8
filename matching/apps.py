from django.apps import AppConfig

from matching import reference_data


class MatchingConfig(AppConfig):
    name = "matching"

    def ready(self):
        # Imported here, not at the top: these reach models, which Django loads after app configs.
        from employers import dashboard
        from matching import figures, models, outcomes, retention  # noqa: F401
        from matching.dashboard import dashboard_introductions
        from matching.partner_panels import dashboard_introductions as waiting_introductions
        from matching.partner_panels import graduate_matches
        from partners import panels
        from portal import contributions, page_cache

        reference_data.register()
        contributions.home_figure("hires", figures.hires)
        dashboard.panel("introductions", dashboard_introductions)
        panels.dashboard_panel(waiting_introductions)
        panels.graduate_panel(graduate_matches)
        # Hires and retention answers count in the impact figures the public sees.
        page_cache.register(models.Introduction, models.Hire, models.RetentionCheck)
