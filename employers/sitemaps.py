from django.contrib.sitemaps import Sitemap

from portal.sitemaps import PublicAddressSitemap

from .figures import on_the_wall
from .models import JobListing


class EmployerSitemap(PublicAddressSitemap, Sitemap):
    """The pledge wall, the profiles of the employers on it, the job board and its published jobs.

    Nothing unverified: jobs come from JobListing.objects.published(), the board's own rule.
    """

    changefreq = "weekly"

    def items(self):
        jobs = (
            JobListing.objects.published().order_by("pk").values_list("pk", "slug").iterator(chunk_size=2000)
        )
        return [
            "/pledge-wall/",
            *on_the_wall().order_by("pk").values_list("slug", flat=True),
            "/jobs/",
            *(f"/jobs/{pk}-{slug}/" for pk, slug in jobs),
        ]

    def location(self, item):
        return item if item.startswith("/") else f"/employers/{item}/"
