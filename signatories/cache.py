"""Cached list counts (totals and facet counts), invalidated on every write.

Counting is what grows with the table, so the list's counts are cached in Django's shared
cache (the database's cache table by default; Redis or memcached with CACHE_URL), never in
a process: every gunicorn worker and every app server sees a write at once.

Each cached value carries the directory's *version*, a random token that every committed
change to a supporter replaces (see `bump_version`, connected in `apps.py`). A reader fetches
the version and its value in one cache look-up and recomputes when they differ, so a stale
count can't outlive the write that made it stale. The token is random, not a counter, so a
version evicted from the cache can never come back with an old value's number.
"""

import hashlib
import uuid
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "signatories:version"
COUNTS_TIMEOUT = 24 * 60 * 60


def bump_version() -> None:
    """Make every cached count stale, once the current transaction commits."""
    transaction.on_commit(lambda: cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None))


def cached(name: str, parameters: Any, compute: Callable[[], Any]) -> Any:
    """`compute()`'s value for these parameters, from the cache while nothing changed."""
    return cached_with_version(name, parameters, compute)[0]


def cached_with_version(name: str, parameters: Any, compute: Callable[[], Any]) -> tuple[Any, str]:
    """The cached value and the directory's version it is valid for, in one look-up.

    The version can key other cached things (the list's rendered rows, see its template)
    so that they go stale with the same write.
    """
    key = f"signatories:{name}:" + hashlib.sha256(repr(parameters).encode()).hexdigest()
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    entry = found.get(key)
    if version is not None and entry is not None and entry[0] == version:
        return entry[1], version
    value = compute()
    if version is None:
        version = uuid.uuid4().hex
        cache.set_many({VERSION_KEY: version, key: (version, value)}, timeout=None)
    else:
        cache.set(key, (version, value), timeout=COUNTS_TIMEOUT)
    return value, version
