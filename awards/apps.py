from django.apps import AppConfig
from django.utils.translation import gettext_lazy

from awards import reference_data


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = gettext_lazy("Employer awards")

    def ready(self):
        # Imported here, not at the top: these reach models, which Django loads after app configs.
        from awards.recognition import won_awards
        from employers.honours import honour_source

        reference_data.register()
        honour_source(won_awards)
