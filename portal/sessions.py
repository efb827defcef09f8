"""Sessions in the shared cache, backed by the database (SESSION_ENGINE), that survive the cache
server being away.

Django's cached_db store reads the cache first and falls back to the database, but then writes
the session back to the cache without a guard: with Redis away every logged-in page failed. Here
reading goes on from the database and the cache is written when it answers again. Deleting (log
out) still fails when the cache cannot drop its copy, as the friendly 503 page (portal/outage.py):
a session kept alive in the cache after its owner was told they had logged out would be worse.
"""

import logging

from django.contrib.sessions.backends import cached_db
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore

logger = logging.getLogger(__name__)


class SessionStore(cached_db.SessionStore):
    def load(self):
        try:
            data = self._cache.get(self.cache_key)
        except Exception:  # the cache is away, or the key is invalid for it: ask the database
            data = None
        if data is not None:
            return data
        stored = self._get_session_from_db()
        if not stored:
            return {}
        data = self.decode(stored.session_data)
        try:
            self._cache.set(self.cache_key, data, self.get_expiry_age(expiry=stored.expire_date))
        except Exception:
            logger.warning("Session cache unavailable; session read from the database", exc_info=True)
        return data

    def exists(self, session_key):
        try:
            if session_key and (self.cache_key_prefix + session_key) in self._cache:
                return True
        except Exception:
            logger.warning("Session cache unavailable; asking the database", exc_info=True)
        return DatabaseStore.exists(self, session_key)
