from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Attitude surveys")

    def ready(self):
        from . import reference_data

        reference_data.register()  # the staff groups' permissions on surveys and waves
