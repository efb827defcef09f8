"""A fixed-window rate limit per client address, kept in the shared cache (Redis in production)."""

from django.core.cache import cache

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate):
    count, _, period = rate.partition("/")
    return int(count), PERIODS[period]


def client_address(request):
    # The reverse proxy puts the client first in X-Forwarded-For; REMOTE_ADDR otherwise.
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    return forwarded.split(",")[0].strip() or request.META.get("REMOTE_ADDR", "unknown")


def hit(scope, request, rate):
    """Count one attempt; True while the client is within `rate` (such as "10/h")."""
    limit, seconds = parse_rate(rate)
    key = f"ratelimit:{scope}:{client_address(request)}"
    if cache.add(key, 1, timeout=seconds):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=seconds)
        return True
    return count <= limit
