"""Django's Redis cache, keeping one Redis client per connection pool.

Django's RedisCacheClient makes a new `redis.Redis` for every cache call (a client's
construction fills a table of ~170 response callbacks): six cache reads on a logged-in page
cost half a millisecond of that alone (issue 22's profile). A client only wraps its pool and is
safe to share, so one per pool is kept; connections, timeouts and failures are the pool's, as
before.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ReusedClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
