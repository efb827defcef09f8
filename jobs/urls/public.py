"""The job board, job pages, the jobs feed and reports, included by employers/urls/public.py in
its namespace ("employers_public:job_board": the public addresses stay as they were)."""

from django.urls import path

from jobs.views import board

urlpatterns = [
    path("jobs/", board.job_board, name="job_board"),
    path("jobs/feed/", board.LatestJobsFeed(), name="job_feed"),
    path("jobs/<int:job_id>-<slug:slug>/", board.job_page, name="job_page"),
    path("jobs/<int:job_id>-<slug:slug>/report/", board.report_job, name="report_job"),
]
