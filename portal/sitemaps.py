"""The sitemap index at /sitemap.xml and one paged sitemap per section, cached; every address
in them comes from SITE_URL, whatever host the request came in on.

/sitemap.xml is an index (robots.txt names it) listing /sitemap-<section>.xml for every section
and `?p=N` for each further page of a long one (jobs: one page per SITEMAP_LIMIT jobs), each
with the section's `lastmod`. Sections are cached for SITEMAP_CACHE_SECONDS (a crawler reading
yesterday's list for a few minutes loses nothing; building 40,000 job URLs takes about a second).
"""

import datetime
from urllib.parse import urlsplit
from xml.sax.saxutils import escape  # nosec B406 # escapes output; nothing is parsed

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_page
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.models import Page

from .addresses import absolute_url, site_url
from .languages import default_language, hreflang

# Public addresses that are views rather than Wagtail pages (the pages section lists those).
ADDRESSES = (
    "employers_public:pledge_wall",
    "employers_public:job_board",
    "incentives:schemes",
    "impact:public",
)


# URLs per page of a long section: under the protocol's 50,000, and ~4 MB of XML (limit 50 MB).
SITEMAP_LIMIT = 40_000


class PublicAddressSitemap:
    """Mixin for a Django Sitemap: scheme and host of every <loc> are SITE_URL's."""

    def get_protocol(self, protocol=None):
        return urlsplit(site_url()).scheme

    def get_domain(self, site=None):
        return urlsplit(site_url()).netloc


class PagesSitemap(PublicAddressSitemap, WagtailSitemap):
    """Wagtail's pages sitemap in every language, each page's address moved onto SITE_URL and
    followed by its translations (`<xhtml:link rel="alternate" hreflang>`, the page itself
    included, as search engines ask; x-default is the English page)."""

    def items(self):
        # Each language's pages hang under that language's home page, a translation of the
        # site's root: Wagtail's own list (the root's descendants) would hold English only.
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        under_a_root = Q()
        for root in roots:
            under_a_root |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(under_a_root).live().public().order_by("path").defer_streamfields().specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        translations = self._translations([page.translation_key for page in pages])
        urls = []
        last_mods = set()
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                url_info["location"] = absolute_url(url_info["location"])
                alternates = translations.get(item.translation_key, [])
                languages = [code for code, _address in alternates if code != "x-default"]
                url_info["alternates"] = alternates if len(languages) > 1 else []
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def _translations(self, keys):
        """translation key -> [(hreflang, address)] of its live public pages, one query a page of the sitemap."""
        found = {}
        pages = (
            Page.objects.filter(translation_key__in=set(keys))
            .live()
            .public()
            .select_related("locale")
            .order_by("locale__language_code")
        )
        english = default_language()
        for translation in pages:
            url = translation.get_url(request=self.request)
            if not url:
                continue
            code = translation.locale.language_code
            entries = found.setdefault(translation.translation_key, [])
            entries.append((hreflang(code), absolute_url(url)))
            if code == english:
                entries.append(("x-default", absolute_url(url)))
        return found


class AddressSitemap(PublicAddressSitemap, Sitemap):
    changefreq = "daily"

    def items(self):
        return list(ADDRESSES)

    def location(self, item):
        return reverse(item)


def cache_seconds():
    return getattr(settings, "SITEMAP_CACHE_SECONDS", 600)


def _index(request, sitemaps):
    response = sitemap_views.index(request, sitemaps=sitemaps, sitemap_url_name="sitemap_section")
    # Django names each section on the request's host; the index names them on SITE_URL.
    response.context_data["sitemaps"] = [
        SitemapIndexItem(absolute_url(item.location), item.last_mod)
        for item in response.context_data["sitemaps"]
    ]
    return response


def index(request, sitemaps):
    return cache_page(cache_seconds(), key_prefix="sitemap")(_index)(request, sitemaps=sitemaps)


def _day(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return f"{value:%Y-%m-%d}"


def urlset(urls):
    """The <urlset> of one page, written directly: Django's template takes 3/4 of the time at 40,000."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
    ]
    for url in urls:
        out.append(f"<url><loc>{escape(url['location'])}</loc>")
        if url.get("lastmod"):
            out.append(f"<lastmod>{_day(url['lastmod'])}</lastmod>")
        if url.get("changefreq"):
            out.append(f"<changefreq>{escape(url['changefreq'])}</changefreq>")
        if url.get("priority"):
            out.append(f"<priority>{escape(str(url['priority']))}</priority>")
        for code, address in url.get("alternates") or ():
            out.append(f'<xhtml:link rel="alternate" hreflang="{escape(code)}" href="{escape(address)}"/>')
        out.append("</url>\n")
    out.append("</urlset>\n")
    return "".join(out)


def _section(request, sitemaps, section):
    response = sitemap_views.sitemap(request, sitemaps=sitemaps, section=section)
    response.content = urlset(response.context_data["urlset"])  # marks it rendered
    return response


def section(request, sitemaps, section):
    return cache_page(cache_seconds(), key_prefix="sitemap")(_section)(
        request, sitemaps=sitemaps, section=section
    )
