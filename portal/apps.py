from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from . import page_cache  # noqa: F401 (connects the invalidation of cached pages)
