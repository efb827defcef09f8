from django.apps import AppConfig

from . import reference_data


class StoriesConfig(AppConfig):
    name = "stories"

    def ready(self):
        # Imported here, not at the top: these reach models, which Django loads after app configs.
        from portal import contributions, page_cache

        from . import models, signals  # noqa: F401
        from .listings import story_cards

        reference_data.register()  # what campaign staff may do with themes and consents

        # The home page's featured stories (or the latest ones) come from here.
        contributions.home_stories(story_cards)

        # Story pages and the story index show themes (pages themselves drop the cache on publish).
        page_cache.register(models.Theme)
