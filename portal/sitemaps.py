"""Sitemaps whose addresses come from SITE_URL, whatever host the request came in on."""

from urllib.parse import urlsplit

from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from .addresses import absolute_url, site_url


class PublicAddressSitemap:
    """Mixin for a Django Sitemap: scheme and host of every <loc> are SITE_URL's."""

    def get_protocol(self, protocol=None):
        return urlsplit(site_url()).scheme

    def get_domain(self, site=None):
        return urlsplit(site_url()).netloc


class PagesSitemap(PublicAddressSitemap, WagtailSitemap):
    """Wagtail's pages sitemap, each page's address moved onto SITE_URL."""

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url_info in urls:
            url_info["location"] = absolute_url(url_info["location"])
        return urls
