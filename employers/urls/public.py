"""Public addresses of the employer side: the pledge wall, profiles and pledge verification;
the job board (jobs) and retention answers (matching) are included in the same namespace."""

from django.urls import include, path

from employers.views import public

app_name = "employers_public"

urlpatterns = [
    path("", include("jobs.urls.public")),
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
    path("", include("matching.urls.public")),
]
