"""Cached list counts and rendered list pages, made stale by every write.

Counting is what grows with the table, so the list's counts (totals and facet counts) and
its rendered form and rows are kept in Django's shared cache (the database's cache table by
default; Redis or memcached with CACHE_URL), never in a process: every gunicorn worker and
every app server sees a write at once.

Every cached value is keyed on the directory's *revision*, a number the database holds and
every write raises in its own transaction (`signatories.revision`). A request reads it once,
then looks its values up under it: a write makes every older entry unreachable, whatever the
cache did meanwhile (evicted keys, a restart from an old snapshot). The cache is only an
optimisation: when it is down, the backends in `pariscall.caches` answer "not cached".

What is shared between visitors is built only from canonical values: the cleaned filters,
in one order (`canonical_query`), never the raw query string, so that nobody can plant a
parameter in the page that others are served.
"""

import functools
import hashlib
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.http import QueryDict
from django.utils.translation import get_language
from django_filters import FilterSet

from signatories.revision import bump_revision, current_revision

COUNTS_TIMEOUT = 24 * 60 * 60


def bump_version() -> None:
    """Make every cached count and page stale, as part of the current write (see above)."""
    bump_revision()


def cached(name: str, parameters: Any, compute: Callable[[], Any]) -> Any:
    """`compute()`'s value for these parameters, from the cache while nothing changed."""
    return cached_with_version(name, parameters, compute)[0]


def cached_with_version(name: str, parameters: Any, compute: Callable[[], Any]) -> tuple[Any, int]:
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


def canonical_query(filterset: FilterSet, page_number: int = 1) -> QueryDict:
    """The list's parameters as the list understood them, and nothing else.

    Empty values and values the list assumes anyway are left out, repeated values sorted
    and given once, a search's spaces collapsed, the first page implied: two addresses that
    list the same supporters give the same query, and a parameter the list does not know
    never gets in.
    """
    implied = _implied(type(filterset))
    query = QueryDict(mutable=True)
    for name, value in filterset.form.cleaned_data.items():
        if value in (None, "", [], ()) or value == implied.get(name):
            continue
        if isinstance(value, list | tuple | set):
            query.setlist(name, sorted({str(item) for item in value}))
        else:
            query[name] = " ".join(str(value).split())
    if page_number > 1:
        query["page"] = str(page_number)
    return query


@functools.cache
def _implied(filterset_class: type[FilterSet]) -> dict:
    """What each parameter is when the address leaves it out (e.g. the default status)."""
    empty = filterset_class(QueryDict())
    return empty.form.cleaned_data if empty.is_valid() else {}


def list_fragment_key(query: QueryDict, per_page: int, revision: int) -> str:
    """Everything the list's cached fragment (signatories/directory.html) may show.

    The fragment renders from these alone: the canonical query (filters, sort, page), the
    page size, the language, and the revision for the counts and rows. Add a value to the
    fragment, and it must be added here (tests/signatories/test_cache.py checks).
    """
    return repr((revision, query.urlencode(), per_page, get_language()))
