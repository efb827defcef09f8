from django.apps import AppConfig

from . import reference_data


class EmployersConfig(AppConfig):
    name = "employers"

    def ready(self):
        # Imported here, not at the top: these reach models, which Django loads after app configs.
        from portal import contributions, page_cache
        from portal.accounts import areas

        from . import area_cache, figures, listeners, models, notifications, outcomes, retention  # noqa: F401
        from .sitemaps import EmployerSitemap, JobSitemap

        # The lists a new site starts with, and what campaign staff may do with this app's models.
        reference_data.register()

        # What the ground floor shows of this app: the home page's figures and two sitemaps.
        contributions.home_figure("employers", figures.pledged_employers)
        contributions.home_figure("jobs", figures.open_jobs)
        contributions.home_figure("hires", figures.hires)
        contributions.sitemap("employers", EmployerSitemap)
        contributions.sitemap("jobs", JobSitemap)

        # Who sees the partner and employer links in the site header.
        areas.watch(models.Membership, models.ProviderStaff)
        # What the employer dashboard and the partner graduate list keep per organisation.
        area_cache.connect_signals()

        # What the job board, job pages, the pledge wall, employer profiles, pledge pages, the
        # incentive checker and the impact figures show.
        page_cache.register(
            models.Employer,
            models.JobListing,
            models.JobSkill,
            models.JobCertification,
            models.Skill,
            models.Certification,
            models.Occupation,
            models.HiringPledge,
            models.HiringPledgeCommitment,
            models.PledgeCommitment,
            models.ProgressReport,
            models.ProgressItem,
            models.IncentiveScheme,
            models.IncentiveCondition,
            models.IncentiveStep,
            models.Introduction,
            models.Hire,
            models.RetentionCheck,
            models.GraduateProgramme,
        )
