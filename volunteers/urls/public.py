"""The public volunteering pages and the volunteer area, at /volunteer/ (portal/urls.py)."""

from django.urls import path

from volunteers.views import area, public

app_name = "volunteers"

urlpatterns = [
    path("", public.apply, name="apply"),
    path("thanks/", public.thanks, name="thanks"),
    path("confirm/<str:token>/", public.claim, name="claim"),
    path("reference/<str:token>/", public.give_reference, name="reference"),
    path("area/", area.dashboard, name="area"),
    path("area/availability/", area.availability, name="availability"),
    path("area/matches/<int:mentorship_id>/", area.mentorship, name="mentorship"),
    path("area/matches/<int:mentorship_id>/sessions/", area.log_session, name="log_session"),
    path("area/matches/<int:mentorship_id>/end/", area.end_mentorship, name="end_mentorship"),
]
