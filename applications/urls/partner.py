"""Linked job seekers' applications in the partner area, included by partners/urls.py in its namespace."""

from django.urls import path

from applications.views import partner

urlpatterns = [
    path("seeker-applications/", partner.seeker_applications, name="seeker_applications"),
]
