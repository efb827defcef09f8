from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"

    def ready(self):
        # Imported here, not at the top: these reach models, which Django loads after app configs.
        from matching import retrieval
        from portal import contributions

        from . import health, matching, signals

        signals.connect()
        retrieval.serve_with(matching)  # matching's candidates come from search's engines
        contributions.search_readiness(health.search_status)
