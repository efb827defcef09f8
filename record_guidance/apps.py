from django.apps import AppConfig
from django.utils.translation import gettext_lazy

from record_guidance import reference_data


class RecordGuidanceConfig(AppConfig):
    name = "record_guidance"
    verbose_name = gettext_lazy("Record guidance")

    def ready(self):
        # Imported here, not at the top: these reach models, which Django loads after app configs.
        from jobs import job_page_panels
        from portal import page_cache
        from record_guidance import guidance, models

        reference_data.register()
        job_page_panels.job_page_panel(guidance.job_page_panels)
        job_page_panels.listing_form_panel(guidance.listing_form_panels)
        job_page_panels.review_panel(guidance.review_panels)
        job_page_panels.wording_check(guidance.legal_requirement_notes)
        # Job pages show the guidance: a change drops the cached pages.
        page_cache.register(
            models.Jurisdiction, models.JurisdictionRegion, models.RecordGuidance, models.GuidanceSource
        )
