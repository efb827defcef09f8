"""A fixed-window rate limit per client address, kept in the shared cache (Redis in production).

The cache keys carry a keyed hash of the address, never the address: anyone reading the cache
(an operator, a Redis dump) must not learn who answered an anonymous survey or signed up."""

import hashlib
import hmac
import ipaddress

from django.conf import settings
from django.core.cache import cache

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate):
    count, _, period = rate.partition("/")
    return int(count), PERIODS[period]


def client_address(request):
    """The client's address, as one setting says: with TRUSTED_PROXY_COUNT = 0 (the default) the
    connection's own address, never a header the client can write; with N trusted proxies in
    front, the address the N-th proxy from us appended to X-Forwarded-For (allauth's rule, fed by
    the same setting). Whatever the client wrote further left is ignored."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return "unknown"


def address_digest(address):
    secret = settings.SECRET_KEY.encode()
    return hmac.new(secret, address.encode(), hashlib.sha256).hexdigest()[:32]


def hit(scope, request, rate):
    """Count one attempt; True while the client is within `rate` (such as "10/h")."""
    limit, seconds = parse_rate(rate)
    key = f"ratelimit:{scope}:{address_digest(client_address(request))}"
    if cache.add(key, 1, timeout=seconds):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=seconds)
        return True
    return count <= limit
