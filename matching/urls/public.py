"""The answer to a retention check, from the link in its e-mail, included by
employers/urls/public.py in its namespace."""

from django.urls import path

from matching.views import outcomes

urlpatterns = [
    path("outcomes/retention/<str:token>/", outcomes.retention_answer, name="retention_answer"),
]
