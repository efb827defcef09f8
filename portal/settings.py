"""Settings for the Second Chance Portal.

One module, driven by environment variables. Without any variable set the portal runs
embedded: SQLite file, Wagtail's database search, local media, console e-mail, immediate
tasks and a cache in the database (shared by every process). Each production part switches on only when its variable
is set, so the same code serves `make run` and a cluster of gunicorn nodes.
"""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = BASE_DIR / "portal"


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set and DEBUG is off. Set SECRET_KEY to a long random value "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or set DEBUG=1 for local development."
        )
    # Development only: a fixed key keeps sessions across restarts of `make run`.
    SECRET_KEY = "insecure-development-key-never-used-when-debug-is-off"  # nosec B105 # DEBUG only

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The country whose ISO 3166-2 subdivisions are the portal's regions.
PORTAL_COUNTRY = os.environ.get("PORTAL_COUNTRY", "GB").upper()
PORTAL_SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "portal.accounts",
    "portal",
    "stories",
    "campaigns",
    "taxonomy",
    "employers",
    "jobs",
    "partners",
    "matching",
    "volunteers",
    "surveys",
    "awards",
    "seekers",
    "community_events",
    "record_guidance",
    "applications",
    "incentives",
    "search",
    "api",
    "impact",
    "wagtail.contrib.forms",
    # Editors translate a page or snippet from its source (issue 17; docs/architecture.md says why
    # this and not wagtail-localize); wagtail.locales lets them manage the four locales.
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.humanize",  # allauth's security-key list loads it
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.security.SecurityHeadersMiddleware",
    "portal.outage.DatabaseOutageMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Uploaded images under MEDIA_URL (portal/media.py), in production too.
    "portal.media.MediaFilesMiddleware",
    # Gzip for anonymous public pages only, never for a response that carries a secret (BREACH);
    # above the page cache so cached pages are compressed on the way out (portal/compression.py).
    "portal.compression.PublicPageGZipMiddleware",
    # ETag from the content and 304 for If-None-Match / If-Modified-Since, below gzip (so the tag
    # is the uncompressed page's, which gzip weakens to W/"...") and above the page cache (so a
    # cached page is answered 304 too, without being sent again).
    "django.middleware.http.ConditionalGetMiddleware",
    # A first visit to / goes to the language its Accept-Language prefers, before the page cache
    # could answer it with the English home page (portal/languages.py).
    "portal.languages.FirstVisitLanguageMiddleware",
    # Anonymous visitors' public pages from the cache (portal/page_cache.py says when).
    "portal.page_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language of the address: /fr/, /es/, /ar/; English without a prefix (portal/urls.py).
    "portal.languages.AddressLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Campaign staff without two-factor authentication are sent to set it up before the admin.
    "portal.accounts.two_factor.StaffTwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.accounts.context_processors.account_areas",
            ],
        },
    },
]

# Database: SQLite file by default, anything dj-database-url understands otherwise.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    import dj_database_url

    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL, conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60"))
        )
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # Fail fast when the database is away, so users get a 503 and not a hung worker.
        DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = int(
            os.environ.get("DB_CONNECT_TIMEOUT", "3")
        )
        DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "OPTIONS": {"timeout": 20},
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# Accounts: django-allauth, log in by e-mail, verified addresses, optional MFA.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# A URL name, so a French visitor sent to log in gets /fr/accounts/login/.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/employer/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PREVENT_ENUMERATION = True
# Tell people when their password, e-mail addresses or two-factor settings change.
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
# Its e-mails go through portal/mail.py: queued and retried while the mail server refuses.
ACCOUNT_ADAPTER = "portal.accounts.adapter.AccountAdapter"
# Sign-up takes the same time whether the address has an account or not (issue 14).
ACCOUNT_FORMS = {"signup": "portal.accounts.forms.SignupForm"}
# allauth's rate limits are on by default, counted in the default cache (Redis in production).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "Second Chance Portal"
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG

# Cache (and with it the rate limits): Redis when REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.redis_cache.ReusedClientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
            "TIMEOUT": 300,
        }
    }
else:
    # The embedded default is the database, the one thing every process (and every node) already
    # shares, so rate limits count once and a publish drops every process's cached pages. A file
    # cache would be shared only on one machine. `migrate` creates the table (portal/apps.py);
    # `check --deploy` warns that Redis is the choice for production (portal/checks.py).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
            "TIMEOUT": 300,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# Public pages cached for anonymous visitors, in seconds (0: off); dropped on every publish.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "60"))
# Parts of public pages shared by everyone (portal/fragments.py), in seconds (0: off); dropped
# with the cached pages.
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "60"))

# Search: Wagtail's database backend and the database engine unless a search server is named,
# Elasticsearch 8 or 9 (ELASTICSEARCH_URL) or OpenSearch 2 or 3 (OPENSEARCH_URL), never both.
# The portal's own engine picks its client library from the same two settings
# (search/engines/client.py), Wagtail's page search its backend here.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
OPENSEARCH_URL = os.environ.get("OPENSEARCH_URL", "")
if ELASTICSEARCH_URL and OPENSEARCH_URL:
    raise ImproperlyConfigured(
        "ELASTICSEARCH_URL and OPENSEARCH_URL are both set: name one search server "
        "(Elasticsearch 8 or 9, or OpenSearch 2 or 3), not both."
    )
SEARCH_TIMEOUT = float(os.environ.get("SEARCH_TIMEOUT", "2"))
SEARCH_RETRY_AFTER = float(os.environ.get("SEARCH_RETRY_AFTER", "10"))
# Seconds /readyz keeps the search server's last ping before pinging again (search.health).
SEARCH_HEALTH_INTERVAL = float(os.environ.get("SEARCH_HEALTH_INTERVAL", "5"))
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "portal")
# How deep search pages go (the server's index.max_result_window; past it: "refine your search").
SEARCH_RESULT_WINDOW = 10_000
if ELASTICSEARCH_URL or OPENSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": (
                "wagtail.search.backends.opensearch2"
                if OPENSEARCH_URL
                else "wagtail.search.backends.elasticsearch8"
            ),
            "URLS": [OPENSEARCH_URL or ELASTICSEARCH_URL],
            "INDEX_PREFIX": f"{SEARCH_INDEX_PREFIX}_wagtail_",
            "TIMEOUT": SEARCH_TIMEOUT,
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Background tasks: inline by default; a database queue worked by `manage.py db_worker`
# when TASKS_BACKEND=database.
if os.environ.get("TASKS_BACKEND", "immediate") == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# `manage.py prune_tasks` (daily) deletes finished and failed task rows older than this.
TASK_RETENTION_DAYS = int(os.environ.get("TASK_RETENTION_DAYS", "14"))


def parse_email_url(url):
    """Turn smtp://user:password@host:port?tls=1 (or smtps://) into Django settings."""
    parts = urlparse(url)
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    config = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or (465 if parts.scheme == "smtps" else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": parts.scheme == "smtps",
        "EMAIL_USE_TLS": query.get("tls", "").lower() in {"1", "true", "yes"},
        "EMAIL_TIMEOUT": int(query.get("timeout", "10")),
    }
    if parts.scheme == "console":
        config["EMAIL_BACKEND"] = "django.core.mail.backends.console.EmailBackend"
    elif parts.scheme not in {"smtp", "smtps"}:
        raise ImproperlyConfigured(f"EMAIL_URL scheme {parts.scheme!r} is not smtp, smtps or console.")
    return config


EMAIL_URL = os.environ.get("EMAIL_URL", "")
if EMAIL_URL:
    globals().update(parse_email_url(EMAIL_URL))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# portal/mail.py: attempts of one e-mail, waiting base * 2**(attempt-1) seconds between them.
MAIL_MAX_ATTEMPTS = int(os.environ.get("MAIL_MAX_ATTEMPTS", "6"))
MAIL_RETRY_BASE_SECONDS = int(os.environ.get("MAIL_RETRY_BASE_SECONDS", "60"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Second Chance Portal <hello@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# The interface and content languages. English keeps every address without a prefix; the others
# live under /fr/, /es/ and /ar/ (portal/urls.py). Arabic is written right to left (get_language_info
# says so; base.html sets dir).
LANGUAGES = [
    ("en-gb", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ar", "العربية"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LANGUAGE_COOKIE_NAME = "portal_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Full-text search follows the site's language: PostgreSQL's text search configuration (the
# generated column of job listings and the queries over it) and the search engine's analyzer share
# these names. SEARCH_TEXT_CONFIG overrides it ("simple": no stemming); a change takes effect on
# the job column after `manage.py migrate jobs 0001 && manage.py migrate`.
SEARCH_LANGUAGES = {"en": "english", "fr": "french", "es": "spanish", "ar": "arabic"}
SEARCH_TEXT_CONFIG = os.environ.get("SEARCH_TEXT_CONFIG") or SEARCH_LANGUAGES.get(LANGUAGE_CODE[:2], "simple")
SEARCH_LANGUAGE = os.environ.get("SEARCH_LANGUAGE") or SEARCH_LANGUAGES.get(LANGUAGE_CODE[:2], "english")
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# Templates name a format ("DATE_FORMAT"); each language writes it its own way (portal/formats/).
FORMAT_MODULE_PATH = ["portal.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# The application answers /media/ itself (portal/media.py); SERVE_MEDIA=0 when a reverse proxy or
# object storage does. Renditions are cached for a year, originals for MEDIA_MAX_AGE seconds.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
MEDIA_MAX_AGE = int(os.environ.get("MEDIA_MAX_AGE", "3600"))
# Files people entrust to the portal (job seekers' CVs): outside MEDIA_ROOT, never under any
# public address, read only through views that check access (seekers/storage.py).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Serve static files from the finders when collectstatic has not run (tests, runserver).
WHITENOISE_USE_FINDERS = env_bool("WHITENOISE_USE_FINDERS", DEBUG)

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Second Chance Portal"
WAGTAILADMIN_BASE_URL = PORTAL_SITE_URL
# One login for everyone: allauth's (second factor, verified e-mail, rate limits). Wagtail's own
# login and password-reset addresses redirect there (portal/accounts/two_factor.py).
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"  # the admin speaks each user's admin language, unprefixed
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_I18N_ENABLED = True
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Reads the declared pixel size before decoding and reports broken pictures as a field error.
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.images.ImageForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILEMBEDS_FINDERS = []  # nothing is fetched from other sites
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatars from a third party in the admin
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the admin would ask releases.wagtail.org from the browser

# Public pledges of support
PLEDGE_CONFIRMATION_MAX_AGE = 7 * 24 * 60 * 60
# How many reverse proxies in front of the portal append to X-Forwarded-For (0: none, the client
# talks to us directly, and the header is ignored). It decides the client address of the portal's
# rate limits (portal/ratelimit.py) and of allauth's alike.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
PLEDGE_RATE_LIMIT = os.environ.get("PLEDGE_RATE_LIMIT", "10/h")
EVENT_SIGN_UP_RATE_LIMIT = os.environ.get("EVENT_SIGN_UP_RATE_LIMIT", "10/h")  # per client address
SURVEY_RATE_LIMIT = os.environ.get("SURVEY_RATE_LIMIT", "30/h")  # survey answers per client address
API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "120/m")  # open data API requests per client address

# Retention of personal data, enforced by `manage.py enforce_retention` (daily).
GRADUATE_RETENTION_MONTHS = int(os.environ.get("GRADUATE_RETENTION_MONTHS", "24"))  # no activity: flagged
GRADUATE_ERASURE_NOTICE_DAYS = int(os.environ.get("GRADUATE_ERASURE_NOTICE_DAYS", "30"))  # then erased
AUDIT_RETENTION_MONTHS = int(os.environ.get("AUDIT_RETENTION_MONTHS", "72"))
PLEDGE_UNCONFIRMED_RETENTION_MONTHS = int(os.environ.get("PLEDGE_UNCONFIRMED_RETENTION_MONTHS", "3"))

# Security: on whenever DEBUG is off; TLS is terminated by the reverse proxy.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail relaxes it for its own preview frames
SESSION_COOKIE_HTTPONLY = True
# Sessions read from the shared cache, written through to the database: one query fewer on every
# page a logged-in person sees (issue 22); a session the cache lost, or the cache being away, is
# read from the database (portal/sessions.py).
SESSION_ENGINE = "portal.sessions"
# portal/security.py. Every asset is served by the site itself, and no template has inline script
# or style, so the public site and the employer and partner areas need nothing but 'self'.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}
# The Wagtail admin's editors run inline scripts it writes per page (checked in Chromium by
# tests/browser/test_csp.py); its styles are all files. Page previews are frames of its own.
CONTENT_SECURITY_POLICY_ADMIN = {
    **CONTENT_SECURITY_POLICY,
    "script-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
}
CONTENT_SECURITY_POLICY_ADMIN_PREFIX = "/admin/"
CONTENT_SECURITY_POLICY_REPORT_ONLY = env_bool("CONTENT_SECURITY_POLICY_REPORT_ONLY", False)
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
    LANGUAGE_COOKIE_SECURE = env_bool("LANGUAGE_COOKIE_SECURE", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},  # its progress steps (INFO) on every certificate PDF
    },
}
