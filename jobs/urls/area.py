"""The job listings of the employer area (/employer/jobs/), included by employers/urls/area.py
in its namespace; every view goes through employers.permissions."""

from django.urls import path

from jobs.views import area as jobs

urlpatterns = [
    path("jobs/", jobs.job_list, name="jobs"),
    path("jobs/new/", jobs.job_create, name="job_create"),
    path("jobs/<int:job_id>/", jobs.job_detail, name="job_detail"),
    path("jobs/<int:job_id>/edit/", jobs.job_edit, name="job_edit"),
    path("jobs/<int:job_id>/preview/", jobs.job_preview, name="job_preview"),
    path("jobs/<int:job_id>/submit/", jobs.job_submit, name="job_submit"),
    path("jobs/<int:job_id>/close/", jobs.job_close, name="job_close"),
    path("jobs/<int:job_id>/renew/", jobs.job_renew, name="job_renew"),
]
