"""Suggestions, introductions and hires in the partner area, included by partners/urls.py in its
namespace ("partners:introduction")."""

from django.urls import path

from matching.views import partner as partner_introductions

urlpatterns = [
    path("graduates/<str:reference>/suggest/<int:job_id>/", partner_introductions.suggest, name="suggest"),
    path("graduates/<str:reference>/hire/", partner_introductions.hire, name="hire"),
    path("introductions/<int:introduction_id>/", partner_introductions.introduction, name="introduction"),
    path(
        "introductions/<int:introduction_id>/hire/",
        partner_introductions.introduction_hire,
        name="introduction_hire",
    ),
]
