from django.urls import path, re_path

from .views import calendars, places

app_name = "events"

urlpatterns = [
    path("events/feed.ics", calendars.feed, name="feed"),
    path("events/feed/<slug:kind>.ics", calendars.feed, name="feed_kind"),
    path("events/sign-up/<int:event_id>/", places.sign_up, name="sign_up"),
    path("events/sign-up/<int:event_id>/thanks/", places.thanks, name="thanks"),
    path("events/join/<int:event_id>/", places.join, name="join"),
    path("events/confirm/<str:token>/", places.confirm, name="confirm"),
    path("events/place/<str:token>/", places.place, name="place"),
    path("events/place/<str:token>/cancel/", places.cancel, name="cancel"),
    path("events/place/<str:token>/calendar.ics", places.place_calendar, name="place_calendar"),
    # Any event page's address followed by calendar.ics (events inside campaigns too).
    re_path(r"^(?P<path>(?:[\w\-]+/)+)calendar\.ics$", calendars.event_ics, name="calendar"),
]
