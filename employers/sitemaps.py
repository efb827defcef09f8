"""Sitemap sections of the employer side: the profiles of employers on the pledge wall, and jobs.

Nothing unverified: employers come from on_the_wall() (the wall's own rule), jobs from
JobListing.objects.published() (the board's own rule). Each section is paged by Django at
`limit` URLs (the protocol allows 50,000 per file); the index at /sitemap.xml lists every page.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.db.models.functions import Coalesce, Greatest

from portal.sitemaps import PublicAddressSitemap

from .figures import on_the_wall
from .models import JobListing

SITEMAP_LIMIT = 40_000  # URLs per page: under the protocol's 50,000, and ~4 MB of XML (limit 50 MB)


class EmployerSitemap(PublicAddressSitemap, Sitemap):
    """Profiles of employers on the pledge wall; lastmod is their last verification or pledge."""

    changefreq = "weekly"
    limit = SITEMAP_LIMIT

    def items(self):
        return (
            on_the_wall()
            .annotate(
                modified=Greatest(
                    Coalesce("status_changed_at", "created_at"),
                    Coalesce(Max("pledges__signed_at"), "created_at"),
                    Coalesce(Max("pledges__withdrawn_at"), "created_at"),
                )
            )
            .only("pk", "slug", "status_changed_at", "created_at")
            .order_by("pk")
        )

    def location(self, item):
        return item.get_absolute_url()

    def lastmod(self, item):
        return item.modified

    def get_latest_lastmod(self):
        # Django's default reads every item; one aggregate instead.
        return self.items().aggregate(latest=Max("modified"))["latest"]


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
