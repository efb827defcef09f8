from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "stories"

    def ready(self):
        from portal import page_cache

        from . import models, signals  # noqa: F401

        # Story pages and the story index show themes (pages themselves drop the cache on publish).
        page_cache.register(models.Theme)
