from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """The user model, in an app of its own so Wagtail's migrations can depend on it."""

    name = "portal.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from .areas import connect_signals  # reaches models, which load after app configs

        connect_signals()
