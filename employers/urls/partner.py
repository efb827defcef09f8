"""The partner area at /partner/: every view here goes through employers.partner_permissions."""

from django.urls import path

from ..views import partner

app_name = "partners"

urlpatterns = [
    path("", partner.dashboard, name="dashboard"),
    path("switch/", partner.switch, name="switch"),
    path("graduates/", partner.graduate_list, name="graduates"),
    path("graduates/new/", partner.graduate_create, name="graduate_create"),
    path("graduates/<str:reference>/", partner.graduate_detail, name="graduate_detail"),
    path("graduates/<str:reference>/edit/", partner.graduate_edit, name="graduate_edit"),
    path("graduates/<str:reference>/trail/", partner.graduate_trail, name="graduate_trail"),
    path("graduates/<str:reference>/erase/", partner.graduate_erase, name="graduate_erase"),
    path("graduates/<str:reference>/export/", partner.graduate_export, name="graduate_export"),
    path("graduates/<str:reference>/consent/", partner.consent_record, name="consent_record"),
    path("graduates/<str:reference>/consent/withdraw/", partner.consent_withdraw, name="consent_withdraw"),
    path("graduates/<str:reference>/suggest/<int:job_id>/", partner.suggest, name="suggest"),
    path("graduates/<str:reference>/hire/", partner.hire, name="hire"),
    path("introductions/<int:introduction_id>/", partner.introduction, name="introduction"),
    path("introductions/<int:introduction_id>/hire/", partner.introduction_hire, name="introduction_hire"),
]
