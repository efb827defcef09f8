"""A job's matches, introduction requests and hires in the employer area, included by
employers/urls/area.py in its namespace."""

from django.urls import path

from matching.views import matches

urlpatterns = [
    path("jobs/<int:job_id>/matches/", matches.job_matches, name="job_matches"),
    path(
        "jobs/<int:job_id>/matches/<str:reference>/introduce/",
        matches.request_introduction,
        name="request_introduction",
    ),
    path(
        "jobs/<int:job_id>/introductions/<int:introduction_id>/hire/",
        matches.introduction_hire,
        name="introduction_hire",
    ),
]
