from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class SeekersConfig(AppConfig):
    name = "seekers"
    verbose_name = gettext_lazy("Job seekers")

    def ready(self):
        # Imported here, not at the top: these reach models, which Django loads after app configs.
        from django.contrib.auth import get_user_model
        from django.db.models.signals import pre_delete

        from portal.accounts import areas, kinds
        from seekers import models
        from seekers.signals import erase_with_account, make_profile

        # On the sign-up page: a job seeker's account comes with its (empty) profile.
        kinds.account_kind(
            kinds.AccountKind(
                "seeker",
                gettext_lazy("Job seeker"),
                gettext_lazy("I am looking for work for myself."),
                20,
                on_signup=make_profile,
            )
        )
        # Who sees the seeker link in the site header (after the employer area).
        areas.watch(models.JobSeeker)
        areas.membership_area(
            areas.Area("seeker", gettext_lazy("Seeker area"), "/seeker/", 25),
            lambda person: models.JobSeeker.objects.filter(user=person, erased_at__isnull=True),
        )
        # Deleting the account erases the profile, its free text and the CV file.
        pre_delete.connect(
            erase_with_account, sender=get_user_model(), dispatch_uid="seekers-erase-with-account"
        )
