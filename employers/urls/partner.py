"""The partner area at /partner/: every view here goes through employers.partner_permissions."""

from django.urls import path

from ..views import partner, partner_graduates, partner_introductions, partner_personal_data

app_name = "partners"

urlpatterns = [
    path("", partner.dashboard, name="dashboard"),
    path("switch/", partner.switch, name="switch"),
    path("graduates/", partner_graduates.graduate_list, name="graduates"),
    path("graduates/new/", partner_graduates.graduate_create, name="graduate_create"),
    path("graduates/<str:reference>/", partner_graduates.graduate_detail, name="graduate_detail"),
    path("graduates/<str:reference>/edit/", partner_graduates.graduate_edit, name="graduate_edit"),
    path("graduates/<str:reference>/trail/", partner_personal_data.graduate_trail, name="graduate_trail"),
    path("graduates/<str:reference>/erase/", partner_personal_data.graduate_erase, name="graduate_erase"),
    path("graduates/<str:reference>/export/", partner_personal_data.graduate_export, name="graduate_export"),
    path("graduates/<str:reference>/consent/", partner_graduates.consent_record, name="consent_record"),
    path(
        "graduates/<str:reference>/consent/withdraw/",
        partner_graduates.consent_withdraw,
        name="consent_withdraw",
    ),
    path("graduates/<str:reference>/suggest/<int:job_id>/", partner_introductions.suggest, name="suggest"),
    path("graduates/<str:reference>/hire/", partner_introductions.hire, name="hire"),
    path("introductions/<int:introduction_id>/", partner_introductions.introduction, name="introduction"),
    path(
        "introductions/<int:introduction_id>/hire/",
        partner_introductions.introduction_hire,
        name="introduction_hire",
    ),
]
