"""Deployment checks of the portal's own settings (`manage.py check --deploy`)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from .addresses import is_loopback


@register(Tags.caches, deploy=True)
def shared_cache_check(app_configs, **kwargs):
    """Production without Redis: the database cache is shared but costs a query per rate limit and page."""
    if settings.DEBUG or getattr(settings, "REDIS_URL", ""):
        return []
    return [
        Warning(
            "REDIS_URL is not set: rate limits and the page cache live in the database cache.",
            hint="Set REDIS_URL (redis://host:6379/0) so that every web process shares a fast cache.",
            id="portal.W001",
        )
    ]


@register(Tags.urls, deploy=True)
def site_url_check(app_configs, **kwargs):
    """Production must name its public address: canonical links, feeds, the sitemap and e-mails use it."""
    if settings.DEBUG:
        return []
    url = getattr(settings, "PORTAL_SITE_URL", "")
    if url and not is_loopback(url) and urlsplit(url).scheme in ("http", "https"):
        return []
    problem = f"SITE_URL is unset or not a public address ({url!r})"
    return [
        Error(
            f"{problem}: canonical links, feeds, the sitemap, the API and e-mails would point there.",
            hint="Set SITE_URL to the address people use, e.g. https://portal.example.org, "
            "then run `manage.py sync_site`.",
            id="portal.E001",
        )
    ]
