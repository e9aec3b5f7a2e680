"""Supporters by country: what the world map, the countries table and a country's page count.

Counted like the list's facets: one grouped query gives every country's supporters by type,
one more the states' dates, and the result is cached per combination of filters through
`signatories.cache`, so a warm page costs one cache look-up and a write (a new supporter,
one that left) shows at once. Only canonical, validated parameters reach the cache key.
"""

from django.db.models import Count
from django.utils.translation import get_language

from signatories.as_of import on_the_day
from signatories.cache import cached, cached_with_revision
from signatories.countries.rows import StateStatus
from signatories.languages.bilingual import localised
from signatories.models import Signatory, SignatoryQuerySet, SignatoryStatus, SignatoryType
from signatories.vocabulary import STATUS_ALL

# Supporters of each type named on a country's page; the rest are a link to the list.
FIRST_SHOWN = 5


def country_counts(
    types: tuple = (), regions: tuple = (), status: str = "current", as_of=None
) -> dict:
    """{"counts": {code: {type: n}}, "states": {code: state facts}} for these filters, and
    the "revision" of the directory they count (which keys the rendered table)."""
    found, revision = cached_with_revision(
        "countries",
        (types, regions, status, as_of),
        lambda: _count(types, regions, status, as_of),
    )
    return {**found, "revision": revision, "status": status}


def _with_status(queryset: SignatoryQuerySet, status: str, as_of) -> SignatoryQuerySet:
    """The supporters with that status today, or on the day `as_of` (signatories.as_of)."""
    return on_the_day(queryset, as_of, status) if as_of else queryset.with_status(status)


def _count(types: tuple, regions: tuple, status: str, as_of=None) -> dict:
    queryset = _with_status(Signatory.objects.exclude(country=""), status, as_of)
    if regions:
        queryset = queryset.filter(region__in=regions)
    # Whether a country's state supports the Call is the map's first message: the type
    # filter narrows the counts, never that.
    states = _states(queryset.states(), as_of)
    if types:
        queryset = queryset.filter(type__in=types)
    counts: dict[str, dict[str, int]] = {}
    grouped = queryset.order_by().values_list("country", "type").annotate(count=Count("id"))
    for code, type_, count in grouped:
        counts.setdefault(code, {})[type_] = count
    return {"counts": counts, "states": states}


def _states(queryset: SignatoryQuerySet, as_of=None) -> dict[str, tuple]:
    """Each state's facts; as of a day, as they stood that day (a state that joined later is
    none, one that left later was current)."""
    if as_of:
        queryset = on_the_day(queryset, as_of, STATUS_ALL)
    rows = queryset.order_by().values_list(
        "country",
        "status",
        "supporter_since",
        "supporter_since_precision",
        "supporter_since_is_bound",
        "left_on",
    )
    if as_of:
        rows = [_on_the_day(row, as_of) for row in rows]
    return {row[0]: row[1:] for row in rows}


def _on_the_day(row: tuple, as_of) -> tuple:
    *facts, left_on = row
    if left_on and left_on <= as_of:
        return (*facts, left_on)
    return (facts[0], SignatoryStatus.CURRENT, *facts[2:], None)


def country_detail(code: str, status: str, as_of=None) -> dict:
    """A country's page: its state (whatever its status) and its first supporters by type."""
    language = get_language()
    return cached(
        "country",
        (code, status, as_of, language),
        lambda: _detail(code, status, as_of, language),
    )


def _detail(code: str, status: str, as_of, language: str) -> dict:
    in_country = Signatory.objects.filter(country=code)
    state = _states(in_country.states(), as_of).get(code)
    supporters = _with_status(in_country, status, as_of).by_name(language)
    first = {}
    for value in SignatoryType.values:
        rows = supporters.filter(type=value).values_list("name", "name_fr", "slug")
        first[value] = [
            (localised(name, name_fr), slug) for name, name_fr, slug in rows[:FIRST_SHOWN]
        ]
    return {"state": StateStatus(*state) if state else None, "first": first}
