"""Job seekers in the employer area, included by employers/urls/area.py in its namespace."""

from django.urls import path

from seekers.views import employer

urlpatterns = [
    path("jobs/<int:job_id>/seekers/", employer.job_seekers, name="job_seekers"),
    path(
        "jobs/<int:job_id>/seekers/<str:reference>/introduce/",
        employer.request_introduction,
        name="request_seeker_introduction",
    ),
    path("seekers/<str:reference>/", employer.seeker_profile, name="seeker_profile"),
    path("seekers/<str:reference>/cv/", employer.seeker_cv, name="seeker_cv"),
]
