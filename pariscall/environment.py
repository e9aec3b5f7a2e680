"""How the settings read the environment: a parser per kind of value, each refusing a bad
value with `ImproperlyConfigured` naming its variable. `pariscall.settings` says which
variables there are; this module only reads them."""

import importlib.util
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from pariscall.folders import FolderRefused, private_folder


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value in ("True", "true", "1"):
        return True
    if value in ("False", "false", "0"):
        return False
    raise ImproperlyConfigured(f"{name} must be True or False, not {value!r}.")


def env_count(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if not value.isascii() or not value.isdigit():
        raise ImproperlyConfigured(f"{name} must be a whole number such as 0 or 1, not {value!r}.")
    return int(value)


def env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def env_private_dir(name: str, default: Path) -> Path:
    """A directory the app keeps files in: its own, private, created if missing."""
    try:
        return private_folder(name, Path(os.environ.get(name) or default))
    except FolderRefused as refused:
        raise ImproperlyConfigured(str(refused)) from None


def env_seconds(name: str, default: int) -> int:
    seconds = env_count(name, default)
    if seconds == 0:
        raise ImproperlyConfigured(f"{name} must be at least 1 second, not 0.")
    return seconds


def database_config(url: str, name: str = "DATABASE_URL") -> dict:
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} is not a database URL: {error}") from error
    if config["ENGINE"] not in (
        "django.db.backends.sqlite3",
        "django.db.backends.postgresql",
    ):
        raise ImproperlyConfigured(
            f"{name} must be sqlite:// or postgres://, not {urlsplit(url).scheme}://."
        )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Kept open between requests, as for PostgreSQL: opening the file and setting the
        # pragmas again was a third of a small page's time (docs/performance.md).
        # Readers never wait for a writer (WAL); a writer takes the lock when its transaction
        # starts (IMMEDIATE), so it waits its turn instead of failing half-way, up to 20 s.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    else:
        # The directory's queries are short; PostgreSQL's JIT compiler, triggered by the high
        # cost estimates of counting a million rows, took longer than the queries themselves.
        options = config.setdefault("OPTIONS", {})
        # A database that hangs or holds a lock answers with an error in seconds (a 503,
        # pariscall.views.server_error), instead of holding every thread until it returns.
        statement = env_seconds("DJANGO_DB_STATEMENT_TIMEOUT", default=30)
        lock = env_seconds("DJANGO_DB_LOCK_TIMEOUT", default=5)
        settings = (
            f"-c jit=off -c statement_timeout={statement * 1000} -c lock_timeout={lock * 1000}"
        )
        options["options"] = " ".join(filter(None, [options.get("options"), settings]))
        options.setdefault("connect_timeout", env_seconds("DJANGO_DB_CONNECT_TIMEOUT", default=5))
    return config


def replica_config(url: str, primary: dict) -> dict:
    """A streaming standby of the primary, which public pages read from (docs/replicas.md)."""
    config = database_config(url, "DATABASE_REPLICA_URL")
    if "postgresql" not in config["ENGINE"] or "postgresql" not in primary["ENGINE"]:
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URL names a PostgreSQL standby of DATABASE_URL's database: "
            "both must be postgres://."
        )
    if config == primary:
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URL names the same database as DATABASE_URL: it must name the "
            "standby."
        )
    # Tests run on the primary's test database: the standby can't create one.
    config["TEST"] = {"MIRROR": "default"}
    return config


# Seconds to wait for the cache server before computing without it (pariscall.caches).
CACHE_SOCKET_TIMEOUT = 0.25


def cache_config(url: str) -> dict:
    if not url:
        # Per-process memory: a page view never writes to the database (on SQLite it would
        # wait for an import's write lock). Correct with several workers, since every key
        # carries the directory's revision (signatories.cache): a write makes every
        # process's older entries unreachable at once. Counts and rendered list pages, a few
        # to some 50 kB each: ~100 MB per process at most.
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pariscall",
            "OPTIONS": {"MAX_ENTRIES": 3000},
        }
    client = _cache_client(url)
    if client == "redis":
        return {
            "BACKEND": "pariscall.caches.ForgivingRedisCache",
            "LOCATION": url,
            "OPTIONS": {
                "socket_connect_timeout": CACHE_SOCKET_TIMEOUT,
                "socket_timeout": CACHE_SOCKET_TIMEOUT,
            },
        }
    return {
        "BACKEND": "pariscall.caches.ForgivingPyMemcacheCache",
        "LOCATION": url.split("://", 1)[1],
        "OPTIONS": {
            "connect_timeout": CACHE_SOCKET_TIMEOUT,
            "timeout": CACHE_SOCKET_TIMEOUT,
            "retry_attempts": 1,
        },
    }


def _cache_client(url: str) -> str:
    """The client package a cache URL needs ("redis" or "pymemcache"), once it is checked."""
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss", "pymemcache"):
        raise ImproperlyConfigured(
            f"CACHE_URL must start with redis://, rediss:// or pymemcache://, not {parts.scheme!r}."
        )
    try:
        parts.port  # noqa: B018  (parsing it is the check)
    except ValueError as error:
        raise ImproperlyConfigured(f"CACHE_URL has a bad port: {error}.") from error
    if not parts.hostname:
        raise ImproperlyConfigured("CACHE_URL must name the cache server's host.")
    client = "redis" if parts.scheme.startswith("redis") else "pymemcache"
    if importlib.util.find_spec(client) is None:
        raise ImproperlyConfigured(
            f"CACHE_URL needs the {client} package: pip install -e '.[{client}]'."
        )
    return client
