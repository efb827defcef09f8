from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "community_events"
    # The label stays "events" (tables, permissions, "events.EventPage"): a package named "events"
    # would hide the PyPI package "events" that opensearch-py imports (`from events import Events`).
    label = "events"

    def ready(self):
        # Imported here, not at the top: these reach models, which Django loads after app configs.
        from wagtail.signals import page_published

        from portal import page_cache

        from . import models, reference_data, retention  # noqa: F401 (retention registers its rules)
        from .listeners import event_published
        from .views import pages

        # What the pages show of sign-ups and listings comes from the views, above the models.
        models.EventIndexPage.listing_context = staticmethod(pages.listing_context)
        models.EventPage.page_context = staticmethod(pages.page_context)

        reference_data.register()  # the staff groups' permissions on attendees
        page_published.connect(event_published, sender=models.EventPage, dispatch_uid="events-published")
        # Event pages show places left and the waiting list.
        page_cache.register(models.SignUpSheet, models.Attendee)
