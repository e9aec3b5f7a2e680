"""Cached list counts and rendered list pages, made stale by every write.

Counting is what grows with the table, so the list's counts (totals and facet counts) and
its rendered form and rows are kept in Django's cache (each process's memory by default;
Redis or memcached, shared, with CACHE_URL): every gunicorn worker and every app server
sees a write at once, since every key carries the revision.

Every cached value is keyed on the directory's *revision*, a number the database holds and
every write raises in its own transaction (`signatories.models.revision`). A request reads it once,
then looks its values up under it: a write makes every older entry unreachable, whatever the
cache did meanwhile (evicted keys, a restart from an old snapshot). The cache is only an
optimisation: when it is down, the backends in `pariscall.caches` answer "not cached".

What is shared between visitors is built only from canonical values: the cleaned filters,
in one order (`signatories.directory.keys`), never the raw query string, so that nobody can
plant a parameter in the page that others are served.

A value too large to copy out of the cache on every use is kept in the process's own memory
instead (`kept_in_process`), under the key the cache would give it.

Imports only the revision (`signatories.models.revision`): every subject package uses it.
"""

import hashlib
import threading
from collections.abc import Callable
from typing import Any

from django.core.cache import cache

from signatories.models.revision import current_revision, database_instance

COUNTS_TIMEOUT = 24 * 60 * 60


def cached(name: str, parameters: Any, compute: Callable[[], Any]) -> Any:
    """`compute()`'s value for these parameters, from the cache while nothing changed."""
    return cached_with_revision(name, parameters, compute)[0]


def cached_with_revision(name: str, parameters: Any, compute: Callable[[], Any]) -> tuple[Any, int]:
    """The cached value and the directory's revision it is valid for.

    The revision keys other cached things (the list's rendered page, `list_fragment_key`)
    so that they go stale with the same write.
    """
    revision = current_revision()
    digest = hashlib.sha256(repr(parameters).encode()).hexdigest()
    key = f"signatories:{name}:{revision}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=COUNTS_TIMEOUT)
    return value, revision


_kept: dict[str, dict[str, Any]] = {}
_keeping = threading.Lock()


def kept_in_process(name: str, compute: Callable[[], Any]) -> Any:
    """`compute()` for the current revision, kept in this process's memory: one value per
    name (the one of the latest revision asked for), built by one thread while the others
    wait. Keyed as the cache would key it, database and cache prefix included."""
    key = cache.make_key(f"signatories:{name}:{database_instance()}:{current_revision()}")
    with _keeping:
        kept = _kept.setdefault(name, {})
        if key not in kept:
            # Computed after the revision was read: a write in between makes the value
            # newer than its key, never older, and the next revision computes it again.
            value = compute()
            kept.clear()
            kept[key] = value
        return kept[key]
