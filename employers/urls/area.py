"""The employer area at /employer/: every view here goes through employers.permissions. The
jobs, matching, incentives, awards, seekers and applications apps add their pages in this namespace
("employers:...") by the includes at the end, so that employers imports none of them."""

from django.urls import include, path

from employers.views import area, pledge

app_name = "employers"

urlpatterns = [
    path("", area.dashboard, name="dashboard"),
    path("register/", area.register, name="register"),
    path("switch/", area.switch, name="switch"),
    path("organisation/", area.organisation, name="organisation"),
    path("members/", area.members, name="members"),
    path("members/invite/", area.invite, name="invite"),
    path("members/<int:membership_id>/remove/", area.remove_member, name="remove_member"),
    path("members/<int:membership_id>/make-owner/", area.make_owner, name="make_owner"),
    path("members/leave/", area.leave, name="leave"),
    path("invitations/<int:invitation_id>/cancel/", area.cancel_invitation, name="cancel_invitation"),
    path("invitations/accept/<str:token>/", area.accept_invitation, name="accept_invitation"),
    path("pledge/", pledge.pledge, name="pledge"),
    path("pledge/sign/", pledge.sign, name="sign_pledge"),
    path("pledge/withdraw/", pledge.withdraw, name="withdraw_pledge"),
    path("pledge/progress/", pledge.progress, name="pledge_progress"),
    path("", include("jobs.urls.area")),
    path("", include("matching.urls.employer")),
    path("", include("incentives.urls.area")),
    path("", include("awards.urls.employer")),
    path("", include("seekers.urls.employer")),
    path("", include("applications.urls.employer")),
]
