"""The applications inbox in the employer area, included by employers/urls/area.py in its namespace."""

from django.urls import path

from applications.views import employer

urlpatterns = [
    path("jobs/<int:job_id>/applications/", employer.inbox, name="job_applications"),
    path("jobs/<int:job_id>/applications/<int:application_id>/", employer.detail, name="application"),
    path("jobs/<int:job_id>/applications/<int:application_id>/cv/", employer.cv, name="application_cv"),
    path(
        "jobs/<int:job_id>/applications/<int:application_id>/shortlist/",
        employer.shortlist,
        name="application_shortlist",
    ),
    path(
        "jobs/<int:job_id>/applications/<int:application_id>/invite/",
        employer.invite,
        name="application_invite",
    ),
    path(
        "jobs/<int:job_id>/applications/<int:application_id>/offer/", employer.offer, name="application_offer"
    ),
    path(
        "jobs/<int:job_id>/applications/<int:application_id>/not-this-time/",
        employer.turn_down,
        name="application_turn_down",
    ),
    path("jobs/<int:job_id>/applications/<int:application_id>/hire/", employer.hire, name="application_hire"),
]
