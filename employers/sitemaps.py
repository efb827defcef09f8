"""The sitemap section of employers' profiles: those on the pledge wall (on_the_wall(), the
wall's own rule), nothing unverified. Each section is paged by Django at
`limit` URLs (the protocol allows 50,000 per file); the index at /sitemap.xml lists every page.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.db.models.functions import Coalesce, Greatest

from employers.figures import on_the_wall
from portal.sitemaps import SITEMAP_LIMIT, PublicAddressSitemap


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
