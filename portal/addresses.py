"""The portal's one public address (SITE_URL, settings.PORTAL_SITE_URL) and everything built on it.

Every absolute address the site hands out (canonical links, Open Graph, feeds, the sitemap, the
API's links, JobPosting, e-mails) comes from `absolute_url`, never from the request's Host header
or from the Wagtail Site record; `sync_site` makes the Site record follow the setting so that
Wagtail's own full URLs agree. Feed GUIDs (`tag_uri`) carry no host, so they survive a move.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site

# RFC 4151 tag URIs: an authority and a date that never change, whatever the site's address.
TAG_AUTHORITY = "secondchance.portal,2026"
LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0"}  # nosec B104 # a list of names


def site_url():
    """The public address without a trailing slash, e.g. https://portal.example.org."""
    return settings.PORTAL_SITE_URL.rstrip("/")


def absolute_url(path):
    """The public address of one of the site's own paths ("/jobs/1-x/", or a URL of ours on any host).

    An address already absolute is moved onto SITE_URL (keeping path, query and fragment): Wagtail
    gives absolute page URLs when several sites exist, and they must not leak another host.
    """
    if not path:
        return ""
    parts = urlsplit(str(path))
    rest = parts.path or "/"
    if not rest.startswith("/"):
        rest = "/" + rest
    if parts.query:
        rest += "?" + parts.query
    if parts.fragment:
        rest += "#" + parts.fragment
    return site_url() + rest


def tag_uri(kind, pk):
    """A feed entry's permanent id, e.g. tag:secondchance.portal,2026:job/123 (no host in it)."""
    return f"tag:{TAG_AUTHORITY}:{kind}/{pk}"


def site_host_and_port():
    """(hostname, port) of SITE_URL, the port defaulting to the scheme's."""
    parts = urlsplit(site_url())
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.hostname or "localhost", port


def is_loopback(url):
    host = (urlsplit(url).hostname or "").lower()
    return not host or host in LOOPBACK_HOSTS or host.startswith("127.")


def sync_site(site=None):
    """Point the default Wagtail Site at SITE_URL's host and port; True when it changed."""
    site = site or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return False
    hostname, port = site_host_and_port()
    if (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return True
