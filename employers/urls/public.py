"""Public addresses of the employer side: the pledge wall, profiles and pledge verification."""

from django.urls import path

from ..views import board, outcomes, public

app_name = "employers_public"

urlpatterns = [
    path("jobs/", board.job_board, name="job_board"),
    path("jobs/feed/", board.LatestJobsFeed(), name="job_feed"),
    path("jobs/<int:job_id>-<slug:slug>/", board.job_page, name="job_page"),
    path("jobs/<int:job_id>-<slug:slug>/report/", board.report_job, name="report_job"),
    path("pledge-wall/", public.pledge_wall, name="pledge_wall"),
    path("employers/<slug:slug>/", public.employer_profile, name="employer_profile"),
    path("pledges/<str:reference>/", public.pledge_verification, name="pledge_verification"),
    path("pledges/<str:reference>/badge.svg", public.pledge_badge, name="pledge_badge"),
    path("pledges/<str:reference>/certificate/", public.pledge_certificate, name="pledge_certificate"),
    path(
        "pledges/<str:reference>/certificate.pdf",
        public.pledge_certificate_pdf,
        name="pledge_certificate_pdf",
    ),
    path("outcomes/retention/<str:token>/", outcomes.retention_answer, name="retention_answer"),
]
