from django.apps import AppConfig

from taxonomy import reference_data


class TaxonomyConfig(AppConfig):
    name = "taxonomy"

    def ready(self):
        # Imported here, not at the top: models load after app configs.
        from portal import page_cache
        from taxonomy import models

        # The lists a new site starts with, and what campaign staff may do with them.
        reference_data.register()
        # Job pages, the board's facets and the incentive checker name skills and occupations.
        page_cache.register(models.Skill, models.Certification, models.Occupation)
