from django.apps import AppConfig


class EmployersConfig(AppConfig):
    name = "employers"

    def ready(self):
        from . import listeners, notifications, outcomes, retention  # noqa: F401
