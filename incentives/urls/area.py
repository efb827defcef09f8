"""Saved incentive results in the employer area, included by employers/urls/area.py in its
namespace."""

from django.urls import path

from incentives.views import area as incentives_area

urlpatterns = [
    path("incentives/", incentives_area.saved_results, name="incentive_results"),
    path("incentives/save/", incentives_area.save_result, name="save_incentive_result"),
    path("incentives/<int:result_id>/", incentives_area.saved_result, name="incentive_result"),
    path("incentives/<int:result_id>/attach/", incentives_area.attach_result, name="attach_incentive_result"),
]
