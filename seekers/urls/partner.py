"""Job seekers' links in the partner area, included by partners/urls.py in its namespace."""

from django.urls import path

from seekers.views import partner

urlpatterns = [
    path("seekers/", partner.seeker_links, name="seeker_links"),
    path("seekers/links/<int:link_id>/answer/", partner.answer_link, name="answer_seeker_link"),
    path("seekers/<str:reference>/", partner.seeker_profile, name="seeker_profile"),
    path("seekers/<str:reference>/cv/", partner.seeker_cv, name="seeker_cv"),
]
