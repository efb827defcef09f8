from django.apps import AppConfig

from jobs import reference_data


class JobsConfig(AppConfig):
    name = "jobs"

    def ready(self):
        # Imported here, not at the top: these reach models, which Django loads after app configs.
        from jobs import figures, models, notifications  # noqa: F401
        from jobs.sitemaps import JobSitemap
        from portal import contributions, page_cache

        reference_data.register()
        contributions.home_figure("jobs", figures.open_jobs)
        contributions.sitemap("jobs", JobSitemap)
        # What the job board and job pages show.
        page_cache.register(models.JobListing, models.JobSkill, models.JobCertification)
