from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import contributions, languages, serving, sitemaps, views
from .accounts import language as account_language
from .accounts import two_factor
from .accounts import views as account_views

# One sitemap per section, each paged; /sitemap.xml is their index (portal/sitemaps.py). The
# domains add their sections from their AppConfig.ready() (portal/contributions.py).
SITEMAPS = contributions.SITEMAPS

# Addresses in no language: probes, crawlers' files, the admin (in each user's own admin language),
# documents, the open data API (its language from Accept-Language) and the language switch.
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemaps.index, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("sitemap-<section>.xml", sitemaps.section, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("language/<str:code>/", languages.switch, name="language_switch"),
    # Before Wagtail's own: its login and password reset skip allauth's protections.
    path("admin/login/", two_factor.admin_login),
    re_path(r"^admin/password_reset/", two_factor.admin_password_reset),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", include("api.urls")),
]

# Everything a visitor reads, in English without a prefix (every address that existed before the
# portal had languages keeps working) and under /fr/, /es/ and /ar/ (portal/languages.py).
urlpatterns += i18n_patterns(
    path("accounts/delete/", account_views.delete_account, name="account_delete"),
    path("accounts/language/", account_language.choose_language, name="account_language"),
    path("accounts/", include("allauth.urls")),
    path("employer/", include("employers.urls.area")),
    path("partner/", include("partners.urls")),
    path("volunteer/", include("volunteers.urls.public")),
    path("seeker/applications/", include("applications.urls.seeker")),
    path("seeker/", include("seekers.urls.area")),
    path("awards/", include("awards.urls.public")),
    path("", include("employers.urls.public")),
    path("", include("incentives.urls.public")),
    path("", include("record_guidance.urls")),  # the spent-conviction self-check
    path("search/", include("search.urls")),
    path("impact/", include("impact.urls")),
    path("surveys/", include("surveys.urls")),
    path("support/", include("campaigns.urls")),
    path("stories/feed/", include("stories.urls")),
    path("", include("community_events.urls")),  # sign-up, attendees' links, calendar files
    # Pages are served by Wagtail, their routes kept in the cache (portal/serving.py); Wagtail's own
    # patterns stay below for its other addresses and for reverse("wagtail_serve").
    re_path(r"^((?:[\w\-]+/)*)$", serving.serve, name="portal_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = "django.views.defaults.page_not_found"
handler500 = "portal.outage.server_error"  # a database outage answers 503, not 500
