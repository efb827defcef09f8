"""The sitemap section of jobs: every published listing (JobListing.objects.published(), the
board's own rule), paged by Django at `limit` URLs; the index at /sitemap.xml lists every page."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from jobs.models import JobListing
from portal.sitemaps import SITEMAP_LIMIT, PublicAddressSitemap


class JobSitemap(PublicAddressSitemap, Sitemap):
    """Every published job, by id, so a page holds the same jobs from one request to the next."""

    changefreq = "daily"
    limit = SITEMAP_LIMIT

    def items(self):
        # Rows, not models: building 40,000 model instances would double the time of a page.
        return (
            JobListing.objects.published().order_by("pk").values_list("pk", "slug", "updated_at", named=True)
        )

    def location(self, item):
        return JobListing(pk=item.pk, slug=item.slug).get_absolute_url()

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        return JobListing.objects.published().aggregate(latest=Max("updated_at"))["latest"]
