"""The seeker's applications at /seeker/applications/ (mounted by portal/urls.py)."""

from django.urls import path

from applications.views import seeker

app_name = "applications"

urlpatterns = [
    path("", seeker.my_applications, name="list"),
    path("apply/<int:job_id>/", seeker.apply, name="apply"),
    path("<int:application_id>/", seeker.detail, name="detail"),
    path("<int:application_id>/withdraw/", seeker.withdraw, name="withdraw"),
]
