"""Award nominations in the partner area, included by partners/urls.py in its namespace
("partners:award_nominations")."""

from django.urls import path

from awards.views import partner

urlpatterns = [
    path("awards/", partner.nominations, name="award_nominations"),
    path("awards/nominate/", partner.nominate_employer, name="award_nominate"),
    path("awards/nominations/<int:nomination_id>/", partner.nomination, name="award_nomination"),
]
