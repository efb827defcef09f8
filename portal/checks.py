"""Deployment checks of the portal's own settings (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


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
