from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "campaigns"

    def ready(self):
        from portal import page_cache

        from . import models, retention  # noqa: F401 (registers its retention rule)

        # Campaign pages show their audiences and supporter counts (so do the home and impact pages).
        page_cache.register(models.Audience, models.SupporterPledge)
