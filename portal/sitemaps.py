"""The sitemap index at /sitemap.xml and one paged sitemap per section, cached.

/sitemap.xml is an index (robots.txt names it) listing /sitemap-<section>.xml for every section
and `?p=N` for each further page of a long one (jobs: one page per SITEMAP_LIMIT jobs), each
with the section's `lastmod`. Sections are cached for SITEMAP_CACHE_SECONDS (a crawler reading
yesterday's list for a few minutes loses nothing; building 40,000 job URLs takes about a second).
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.views.decorators.cache import cache_page
from wagtail.contrib.sitemaps import views as sitemap_views

# Public addresses that are views rather than Wagtail pages (the pages section lists those).
ADDRESSES = (
    "employers_public:pledge_wall",
    "employers_public:job_board",
    "incentives:schemes",
    "impact:public",
)


class AddressSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return list(ADDRESSES)

    def location(self, item):
        return reverse(item)


def cache_seconds():
    return getattr(settings, "SITEMAP_CACHE_SECONDS", 600)


def index(request, sitemaps):
    return cache_page(cache_seconds(), key_prefix="sitemap")(sitemap_views.index)(
        request, sitemaps=sitemaps, sitemap_url_name="sitemap_section"
    )


def section(request, sitemaps, section):
    return cache_page(cache_seconds(), key_prefix="sitemap")(sitemap_views.sitemap)(
        request, sitemaps=sitemaps, section=section
    )
