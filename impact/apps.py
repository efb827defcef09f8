from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from . import reference_data


class ImpactConfig(AppConfig):
    name = "impact"
    verbose_name = _("Impact")

    def ready(self):
        reference_data.register()  # campaign staff read the dashboard

        # MatchesShown is not registered with the page cache: it grows on every view of a matches
        # page (a raw upsert), so the public "matches shown" count may lag PAGE_CACHE_SECONDS.
        from . import listeners  # noqa: F401 (connects its signals; models load after app configs)
