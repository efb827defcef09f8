"""Mentor requests in the partner area, included by partners/urls.py in its namespace
("partners:mentor_requests")."""

from django.urls import path

from volunteers.views import partner

urlpatterns = [
    path("mentors/", partner.mentor_requests, name="mentor_requests"),
    path("mentors/new/", partner.mentor_request_create, name="mentor_request_create"),
    path("mentors/<int:request_id>/", partner.mentor_request, name="mentor_request"),
]
