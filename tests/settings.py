"""The test profile: the real settings, with only what makes tests fast and isolated overridden."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-not-used-anywhere-else-0123456789abcdef")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("LANGUAGE_COOKIE_SECURE", "0")
os.environ.setdefault("SESSION_COOKIE_SECURE", "0")
os.environ.setdefault("CSRF_COOKIE_SECURE", "0")
# Absolute links name the test client's host; tests/portal/test_public_address.py moves it elsewhere.
os.environ.setdefault("SITE_URL", "http://testserver")


# pytest-xdist's workers (gw0, gw1...) each get a Redis database of their own, counted down from the
# one named: the suite empties the cache around every test, which would wipe the rate limits and
# cached pages of a test running at that moment in the other worker.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
_redis_base, _slash, _redis_db = os.environ.get("REDIS_URL", "").rpartition("/")
if _redis_base and _redis_db.isdigit() and _worker.startswith("gw"):
    os.environ["REDIS_URL"] = f"{_redis_base}/{(int(_redis_db) - int(_worker[2:])) % 16}"

from portal.settings import *  # noqa: E402, F403
from portal.settings import (  # noqa: E402
    DATABASES,
    ELASTICSEARCH_URL,
    OPENSEARCH_URL,
    REDIS_URL,
    STORAGES,
    WAGTAILSEARCH_BACKENDS,
)

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory, so that threads (the live server, concurrency tests) share one database.
    DATABASES["default"]["TEST"] = {
        "NAME": os.path.join(tempfile.gettempdir(), f"portal-test-{os.getpid()}.sqlite3")
    }

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-private-media-")
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
SECURE_HSTS_SECONDS = 0
# Off for the suite (tests change data between requests); tests/portal/test_page_cache.py turns it on.
PAGE_CACHE_SECONDS = 0
# Shared fragments too; tests/portal/test_shared_fragments.py turns them on.
FRAGMENT_CACHE_SECONDS = 0
if not REDIS_URL:
    # One process, and a cache emptied around every test (tests/conftest.py) without a query;
    # tests/portal/test_shared_cache.py holds the embedded default (the database cache) in real processes.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}}

# A search server named in the environment is for the contract suite alone (tests/contract/
# conftest.py turns it on, with indices under a prefix of its own): every other test runs on the
# database engine, so none waits for the server's refresh or writes into the `portal_` indices.
SEARCH_SERVER_UNDER_TEST = {
    "ELASTICSEARCH_URL": ELASTICSEARCH_URL,
    "OPENSEARCH_URL": OPENSEARCH_URL,
    "WAGTAILSEARCH_BACKENDS": WAGTAILSEARCH_BACKENDS,
}
ELASTICSEARCH_URL = ""
OPENSEARCH_URL = ""
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
