"""Supporters by country: what the world map, the countries table and a country's page count.

Counted like the list's facets: one grouped query gives every country's supporters by type,
one more the states' dates, and the result is cached per combination of filters through
`signatories.cache`, so a warm page costs one cache look-up and a write (a new supporter,
one that left) shows at once. Only canonical, validated parameters reach the cache key.
"""

from django.db.models import Count

from signatories.cache import cached, cached_with_revision
from signatories.countries.rows import StateStatus
from signatories.models import Signatory, SignatoryQuerySet, SignatoryType

# Supporters of each type named on a country's page; the rest are a link to the list.
FIRST_SHOWN = 5


def country_counts(types: tuple = (), regions: tuple = (), status: str = "current") -> dict:
    """{"counts": {code: {type: n}}, "states": {code: state facts}} for these filters, and
    the "revision" of the directory they count (which keys the rendered table)."""
    found, revision = cached_with_revision(
        "countries", (types, regions, status), lambda: _count(types, regions, status)
    )
    return {**found, "revision": revision, "status": status}


def _count(types: tuple, regions: tuple, status: str) -> dict:
    queryset = Signatory.objects.exclude(country="").with_status(status)
    if regions:
        queryset = queryset.filter(region__in=regions)
    # Whether a country's state supports the Call is the map's first message: the type
    # filter narrows the counts, never that.
    states = _states(queryset.states())
    if types:
        queryset = queryset.filter(type__in=types)
    counts: dict[str, dict[str, int]] = {}
    grouped = queryset.order_by().values_list("country", "type").annotate(count=Count("id"))
    for code, type_, count in grouped:
        counts.setdefault(code, {})[type_] = count
    return {"counts": counts, "states": states}


def _states(queryset: SignatoryQuerySet) -> dict[str, tuple]:
    rows = queryset.order_by().values_list(
        "country",
        "status",
        "supporter_since",
        "supporter_since_precision",
        "supporter_since_is_bound",
        "left_on",
    )
    return {row[0]: row[1:] for row in rows}


def country_detail(code: str, status: str) -> dict:
    """A country's page: its state (whatever its status) and its first supporters by type."""
    return cached("country", (code, status), lambda: _detail(code, status))


def _detail(code: str, status: str) -> dict:
    in_country = Signatory.objects.filter(country=code)
    state = _states(in_country.states()).get(code)
    supporters = in_country.with_status(status).by_name()
    first = {}
    for value in SignatoryType.values:
        names = supporters.filter(type=value).values_list("name", "slug")
        first[value] = list(names[:FIRST_SHOWN])
    return {"state": StateStatus(*state) if state else None, "first": first}
