"""Award nominations in the employer area, included by employers/urls/area.py in its namespace
("employers:award_nominations")."""

from django.urls import path

from awards.views import employer

urlpatterns = [
    path("awards/", employer.nominations, name="award_nominations"),
    path("awards/nominate/", employer.nominate_self, name="award_nominate"),
    path("awards/nominations/<int:nomination_id>/", employer.nomination, name="award_nomination"),
]
