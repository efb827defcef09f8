from django.apps import AppConfig


class EmployersConfig(AppConfig):
    name = "employers"

    def ready(self):
        from portal import page_cache
        from portal.accounts import areas

        from . import area_cache, listeners, models, notifications, outcomes, retention  # noqa: F401

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
