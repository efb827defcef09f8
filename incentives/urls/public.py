"""Public incentive pages: the schemes and the eligibility checker."""

from django.urls import path

from incentives.views import checker as incentives

app_name = "incentives"

urlpatterns = [
    path("incentives/", incentives.scheme_list, name="schemes"),
    path("incentives/check/", incentives.checker, name="check"),
    path("incentives/check/result/", incentives.result, name="result"),
]
