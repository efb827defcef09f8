"""The partner area at /partner/: every view here goes through partners.permissions; matching
adds its suggestions, introductions and hires in this namespace by the include at the end."""

from django.urls import include, path

from partners.views import area as partner
from partners.views import graduates as partner_graduates
from partners.views import personal_data as partner_personal_data

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
    path("", include("matching.urls.partner")),
    path("", include("volunteers.urls.partner")),
    path("", include("awards.urls.partner")),
    path("", include("seekers.urls.partner")),
    path("", include("applications.urls.partner")),
]
