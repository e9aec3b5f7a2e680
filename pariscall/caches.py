"""Cache backends for CACHE_URL that treat the cache as an optimisation only.

Django's Redis and memcached backends raise when their server is down or slow, which would
turn a cache outage into a site outage (500s on every list page, even after a write has
committed). These answer "not cached" instead: a read misses and the page is computed, a
write is dropped. Every failure is logged, and the process then leaves the cache alone for
`PAUSE` seconds, so that a hanging server costs one short timeout, not one per look-up.
Nothing is lost by skipping the cache: what it holds is keyed on the database's revision
(see `signatories.cache`), never the other way round.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.memcached import PyMemcacheCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

# Seconds a process computes without the cache after it failed.
PAUSE = 5.0


class _Forgiving:
    """Turns the cache server's errors into misses, logged once per outage."""

    errors: tuple[type[BaseException], ...] = (OSError,)
    _paused_until = 0.0  # per process: every thread's backend skips the cache during a pause

    def _try(self, operation: str, fallback, *args, **kwargs):
        if time.monotonic() < type(self)._paused_until:
            return fallback
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except self.errors as error:
            type(self)._paused_until = time.monotonic() + PAUSE
            logger.warning(
                "The cache is unavailable (%s: %s); computing without it for %g s.",
                type(error).__name__,
                error,
                PAUSE,
            )
            return fallback

    def get(self, key, default=None, version=None):
        return self._try("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._try("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._try("has_key", False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try("set_many", list(data), data, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try("add", False, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._try("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._try("delete_many", None, keys, version)


class ForgivingRedisCache(_Forgiving, RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        from redis.exceptions import RedisError

        self.errors = (RedisError, OSError)


class ForgivingPyMemcacheCache(_Forgiving, PyMemcacheCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        from pymemcache.exceptions import MemcacheError

        self.errors = (MemcacheError, OSError)
