"""Settings for the Paris Call directory: one module, configured from the environment alone.

Variables (see README.md):

- ``DJANGO_DEBUG``: ``True`` or ``False`` (default ``False``): development on this machine
  (an insecure key, localhost, no HTTPS, static files unversioned); the site still shows
  its own error pages.
- ``DJANGO_DEBUG_PAGES``: ``True`` or ``False`` (default ``False``): Django's debug pages
  (tracebacks, settings, the URL list) instead of the site's 404, 400 and 500 pages; only
  with ``DJANGO_DEBUG=True``.
- ``DJANGO_SECRET_KEY``: required when debug is off.
- ``DJANGO_ALLOWED_HOSTS``: comma-separated host names; required when debug is off.
- ``DATABASE_URL``: default ``sqlite:///<project>/db.sqlite3``; ``postgres://…`` for PostgreSQL.
- ``DJANGO_DB_CONNECT_TIMEOUT``, ``DJANGO_DB_STATEMENT_TIMEOUT``, ``DJANGO_DB_LOCK_TIMEOUT``:
  on PostgreSQL, seconds to wait for a connection (default 5), for any one statement
  (default 30) and for a lock another connection holds (default 5).
- ``DATABASE_REPLICA_URL``: a PostgreSQL read replica of that database, which public pages
  read from (``pariscall.routers``); ``DATABASE_REPLICA_MAX_LAG_SECONDS`` (default 10): how
  long a client that wrote reads from the primary.
- ``CACHE_URL``: default: each process's memory; ``redis://…`` or ``pymemcache://…``
  once there is more than one app server.
- ``DJANGO_PROXY_COUNT``: how many reverse proxies you run in front of the app (default 0),
  each appending the address it received from to ``X-Forwarded-For``.
- ``DJANGO_EXPORT_CACHE_DIR``: where the full exports are kept, one file per revision
  (default: ``pariscall-exports`` in the system's temp directory).
- ``DJANGO_IMPORT_UPLOAD_DIR``: where admin uploads wait for confirmation (default:
  ``pariscall-imports`` in the system's temp directory).
  Both folders must belong to the app's user and be writable by no one else.

A missing or malformed value stops start-up with ``ImproperlyConfigured`` naming it.
"""

import os
import tempfile
from pathlib import Path

from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from pariscall.environment import (
    cache_config,
    database_config,
    env_bool,
    env_count,
    env_list,
    env_private_dir,
    replica_config,
)

BASE_DIR = Path(__file__).resolve().parent.parent


# Development on this machine (`make run`): what DJANGO_DEBUG=True allows below.
DEVELOPMENT = env_bool("DJANGO_DEBUG", default=False)
# Django's own DEBUG shows its debug pages for a missing page or an error: asked for apart,
# so that `make run` shows the site's 404 and 400 pages as readers get them.
DEBUG = env_bool("DJANGO_DEBUG_PAGES", default=False)
if DEBUG and not DEVELOPMENT:
    raise ImproperlyConfigured(
        "DJANGO_DEBUG_PAGES=True needs DJANGO_DEBUG=True: the debug pages show the settings "
        "and the code, for development only."
    )

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEVELOPMENT:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is False.")
    SECRET_KEY = "insecure-development-key-only-used-with-DJANGO_DEBUG-True"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    if not DEVELOPMENT:
        raise ImproperlyConfigured(
            "DJANGO_ALLOWED_HOSTS must list this site's host names when DJANGO_DEBUG is False."
        )
    ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]

DATABASES = {
    "default": database_config(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = replica_config(os.environ["DATABASE_REPLICA_URL"], DATABASES["default"])
    DATABASE_ROUTERS = ["pariscall.routers.PrimaryReplicaRouter"]
DATABASE_REPLICA_MAX_LAG_SECONDS = env_count("DATABASE_REPLICA_MAX_LAG_SECONDS", default=10)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": cache_config(os.environ.get("CACHE_URL", ""))}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_filters",
    "django_countries",
    "simple_history",
    "axes",
    "csp",
    "pariscall",
    "signatories",
    "principles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # CORS on the public data alone, by URL name (signatories.exports.headers.OPEN_DATA).
    "signatories.exports.headers.OpenDataMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language of a public page comes from its address (/fr/…), never from the browser.
    "pariscall.middleware.LanguageMiddleware",
    # Before anything reads a body (the CSRF check does): too large is a 413, unread.
    "pariscall.bodies.BodySizeLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "pariscall.methods.ReadOnlyPublicSiteMiddleware",
    "pariscall.admin_queries.NulInAdminQueryMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Public reads from the replica when there is one; knows who is logged in.
    "pariscall.routers.ReplicaReadsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as its documentation asks: it turns lock-outs into a 429 page.
    "axes.middleware.AxesMiddleware",
]

# Request bodies (pariscall.bodies): 1 MB for any form; the admin's import takes a CSV file
# of 5 MB (signatories.importing.admin.MAX_UPLOAD_BYTES) and its form. An uploaded file stays
# in memory up to that size, so nothing a request sends is written to disk before it is
# checked. The reverse proxy's own limit (README, Deploy) should be no lower.
MAX_BODY_BYTES = DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
MAX_UPLOAD_BODY_BYTES = FILE_UPLOAD_MAX_MEMORY_SIZE + 64 * 1024

ROOT_URLCONF = "pariscall.urls"
WSGI_APPLICATION = "pariscall.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out client is refused before its password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Admin log-in rate limit: five failures lock that username from that address for an hour,
# so that someone guessing locks out only themselves, never the staff member.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The client's address as the trusted proxies saw it (pariscall.proxies), never as it says.
PROXY_COUNT = env_count("DJANGO_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "pariscall.proxies.client_address"

# Staff log in through the admin: a log-in without a `next` address lands there, not on
# Django's default /accounts/profile/ (a 404 here).
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"

SESSION_ENGINE = "django.contrib.sessions.backends.db"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["pariscall.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEVELOPMENT
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Serve from the app directories too when collectstatic has not run (tests, make run).
WHITENOISE_USE_FINDERS = True
# In development, a changed static file is served at once (Django's DEBUG is off there).
WHITENOISE_AUTOREFRESH = DEVELOPMENT


def _static_headers(headers, path: str, url: str) -> None:
    """Static files carry the headers pages get from the middleware that they skip."""
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Content-Security-Policy"] = "default-src 'none'; style-src 'self'; img-src 'self'"
    headers["Cross-Origin-Resource-Policy"] = "same-origin"
    headers["Referrer-Policy"] = "same-origin"


WHITENOISE_ADD_HEADERS_FUNCTION = _static_headers

# Security headers. TLS ends at the reverse proxy, which must set X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = not DEVELOPMENT
SECURE_HSTS_SECONDS = 0 if DEVELOPMENT else 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEVELOPMENT
SECURE_HSTS_PRELOAD = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEVELOPMENT
CSRF_COOKIE_SECURE = not DEVELOPMENT
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
if not DEVELOPMENT:
    # A `check --deploy` hint: the HSTS preload list is a decision for the operator.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]

# Every page works with the site's own stylesheet and scripts alone: no inline code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# The full exports, written once per revision (signatories.exports.files).
# Both are this user's alone (pariscall.folders): a folder another user could write to is refused.
EXPORT_CACHE_DIR = env_private_dir(
    "DJANGO_EXPORT_CACHE_DIR", Path(tempfile.gettempdir()) / "pariscall-exports"
)
# The admin import's uploads, waiting between the preview and the confirmation
# (signatories.importing.uploads); with several app servers, a directory they share.
IMPORT_UPLOAD_DIR = env_private_dir(
    "DJANGO_IMPORT_UPLOAD_DIR", Path(tempfile.gettempdir()) / "pariscall-imports"
)

# How many supporters a list page shows, and how long list counts stay cached (seconds).
SIGNATORIES_PER_PAGE = 50
