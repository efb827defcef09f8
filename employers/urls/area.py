"""The employer area at /employer/: every view here goes through employers.permissions."""

from django.urls import path

from ..views import area, incentives_area, jobs, matches, pledge

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
    path("jobs/", jobs.job_list, name="jobs"),
    path("jobs/new/", jobs.job_create, name="job_create"),
    path("jobs/<int:job_id>/", jobs.job_detail, name="job_detail"),
    path("jobs/<int:job_id>/edit/", jobs.job_edit, name="job_edit"),
    path("jobs/<int:job_id>/preview/", jobs.job_preview, name="job_preview"),
    path("jobs/<int:job_id>/submit/", jobs.job_submit, name="job_submit"),
    path("jobs/<int:job_id>/close/", jobs.job_close, name="job_close"),
    path("jobs/<int:job_id>/renew/", jobs.job_renew, name="job_renew"),
    path("jobs/<int:job_id>/matches/", matches.job_matches, name="job_matches"),
    path(
        "jobs/<int:job_id>/matches/<str:reference>/introduce/",
        matches.request_introduction,
        name="request_introduction",
    ),
    path(
        "jobs/<int:job_id>/introductions/<int:introduction_id>/hire/",
        matches.introduction_hire,
        name="introduction_hire",
    ),
    path("incentives/", incentives_area.saved_results, name="incentive_results"),
    path("incentives/save/", incentives_area.save_result, name="save_incentive_result"),
    path("incentives/<int:result_id>/", incentives_area.saved_result, name="incentive_result"),
    path("incentives/<int:result_id>/attach/", incentives_area.attach_result, name="attach_incentive_result"),
]
