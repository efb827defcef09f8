from django.apps import AppConfig
from django.utils.translation import gettext_lazy

from employers import reference_data


class EmployersConfig(AppConfig):
    name = "employers"

    def ready(self):
        # Imported here, not at the top: these reach models, which Django loads after app configs.
        from employers import area_cache, figures, listeners, models, notifications  # noqa: F401
        from employers.sitemaps import EmployerSitemap
        from portal import contributions, page_cache
        from portal.accounts import areas, kinds

        # The lists a new site starts with, and what campaign staff may do with this app's models.
        reference_data.register()

        # What the ground floor shows of this app: the home page's figure and a sitemap.
        contributions.home_figure("employers", figures.pledged_employers)
        contributions.sitemap("employers", EmployerSitemap)

        # Who sees the employer link in the site header.
        areas.watch(models.Membership)
        areas.membership_area(
            areas.Area("employer", gettext_lazy("Employer area"), "/employer/", 20),
            lambda person: models.Membership.objects.filter(user=person),
        )
        # On the sign-up page: the organisation is registered once the address is confirmed.
        kinds.account_kind(
            kinds.AccountKind(
                "employer",
                gettext_lazy("Employer"),
                gettext_lazy("I hire for an organisation."),
                10,
            )
        )
        # What the employer dashboard keeps per organisation.
        area_cache.connect_signals()

        # What the pledge wall, employer profiles and pledge pages show.
        page_cache.register(
            models.Employer,
            models.HiringPledge,
            models.HiringPledgeCommitment,
            models.PledgeCommitment,
            models.ProgressReport,
            models.ProgressItem,
        )
