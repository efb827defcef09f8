from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class ApplicationsConfig(AppConfig):
    name = "applications"
    verbose_name = gettext_lazy("Applications")

    def ready(self):
        # Imported here, not at the top: these reach models, which Django loads after app configs.
        from django.db.models.signals import post_save

        from applications import access, emails, job_page
        from applications.signals import application_changed
        from jobs.apply_options import apply_option
        from matching.outcomes import retention_recipient
        from seekers.access import employer_ground
        from seekers.models import JobSeeker

        # An employer sees the profile (and the CV) of those who applied to it and chose to send them.
        employer_ground(access.applied_with_profile_and_cv, cv=True)
        # "Apply" on the page of a job that takes applications through the portal.
        apply_option(job_page.apply_option)
        # Each change is e-mailed to the seeker, in their language.
        application_changed.connect(emails.application_changed, dispatch_uid="applications-changed")
        # A hired seeker's linked programme providers are asked about retention with the employer.
        retention_recipient(access.linked_provider_addresses)
        # Erasing a profile withdraws open applications and removes what the seeker wrote.
        post_save.connect(access.erased_seeker, sender=JobSeeker, dispatch_uid="applications-erased-seeker")
