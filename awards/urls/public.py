"""The public awards pages at /awards/ (portal/urls.py)."""

from django.urls import path

from awards.views import public

app_name = "awards"

urlpatterns = [
    path("", public.awards_index, name="index"),
    path("<slug:slug>/", public.round_detail, name="round"),
]
