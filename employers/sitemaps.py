from django.contrib.sitemaps import Sitemap

from .figures import on_the_wall


class EmployerSitemap(Sitemap):
    """The pledge wall and the profiles of the employers on it; nothing unverified."""

    changefreq = "weekly"

    def items(self):
        return ["/pledge-wall/", *on_the_wall().order_by("pk").values_list("slug", flat=True)]

    def location(self, item):
        return item if item.startswith("/") else f"/employers/{item}/"
