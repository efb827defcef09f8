from django.apps import AppConfig

from . import reference_data


class CampaignsConfig(AppConfig):
    name = "campaigns"

    def ready(self):
        # Imported here, not at the top: these reach models, which Django loads after app configs.
        from portal import contributions, page_cache

        from . import models, retention  # noqa: F401 (registers its retention rule)
        from .figures import confirmed_supporters
        from .forms import SupporterPledgeForm
        from .views import submit_pledge

        # The campaign page's form and its `pledge/` route, which the models may not import.
        models.CampaignPage.pledge_form_class = SupporterPledgeForm
        models.CampaignPage.pledge_view = staticmethod(submit_pledge)

        reference_data.register()  # the audiences a new site starts with
        contributions.home_figure("supporters", confirmed_supporters)

        # Campaign pages show their audiences and supporter counts (so do the home and impact pages).
        page_cache.register(models.Audience, models.SupporterPledge)
