"""The public self-check (its guidance is shown on job pages, through jobs/job_page_panels.py)."""

from django.urls import path

from record_guidance import views

app_name = "record_guidance"

urlpatterns = [
    path("record-check/", views.self_check, name="self_check"),
]
