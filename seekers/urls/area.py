"""The seeker area at /seeker/ (portal/urls.py)."""

from django.urls import path

from seekers.views import area

app_name = "seekers"

urlpatterns = [
    path("", area.dashboard, name="area"),
    path("start/", area.start, name="start"),
    path("profile/", area.profile, name="profile"),
    path("work-history/", area.work_history, name="work_history"),
    path("work-history/<int:entry_id>/delete/", area.work_history_delete, name="work_history_delete"),
    path("cv/", area.cv, name="cv"),
    path("cv/delete/", area.cv_delete, name="cv_delete"),
    path("cv/download/", area.cv_download, name="cv_download"),
    path("jobs/", area.jobs, name="jobs"),
    path("introductions/", area.introductions, name="introductions"),
    path("introductions/<int:introduction_id>/answer/", area.answer_introduction, name="answer_introduction"),
    path("providers/", area.provider_links, name="provider_links"),
    path("providers/<int:link_id>/end/", area.provider_link_end, name="provider_link_end"),
]
