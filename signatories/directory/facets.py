"""Facet counts for the list: how many results each filter option would give.

One grouped query counts the matches of the search, the year and the status by every
(type, region, country) that occurs: the *cube*, a few hundred rows whatever the table's
size. Every facet's counts (each option counted with the *other* facets' filters kept) and
the total for any choice of types, regions and countries are sums over it, done here in
Python, and exact. The cube is cached per search, year and status (`signatories.cache`), so
once a search is counted, every click on a type, region or country is served without
touching the supporters table; the unfiltered cube serves every browse of the directory.
"""

from functools import lru_cache

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from signatories.cache import cached_with_revision
from signatories.directory.filters import FACETS, SignatoryFilter
from signatories.forms import Facet, Option
from signatories.models import SignatoryType
from signatories.regions import Region
from signatories.text import normalise

# Parameters that choose neither the rows counted nor their facets.
NOT_COUNTED = ("sort", "page")


def counts_for(filterset: SignatoryFilter) -> dict:
    """{"total": n, "type": {value: n}, "region": {…}, "country": {…}} for valid filters,
    and the "revision" of the directory they count."""
    cube, revision = cached_with_revision(
        "cube", cube_parameters(filterset), lambda: _cube(filterset)
    )
    chosen = {facet: set(filterset.form.cleaned_data.get(facet) or ()) for facet in FACETS}
    return {**sum_cube(cube, chosen), "revision": revision}


def cube_parameters(filterset: SignatoryFilter) -> tuple:
    """What the cube depends on: every valid filter but the facets (q, since, status, …)."""
    parameters = []
    for name, value in sorted(filterset.form.cleaned_data.items()):
        if name in FACETS or name in NOT_COUNTED or value in (None, "", [], ()):
            continue
        if name == "q":
            # What the search matches: its words without case or accents, each once, in
            # any order ("Cyber", "cyber " and "cyber CYBER" count the same supporters).
            value = tuple(sorted(set(normalise(value).split())))
            if not value:
                continue
        elif isinstance(value, list | tuple):
            value = tuple(sorted(value))
        parameters.append((name, value))
    return tuple(parameters)


def _cube(filterset: SignatoryFilter) -> list[tuple]:
    return filterset.filtered_without(*FACETS).count_by_combination(*FACETS)


def sum_cube(cube: list[tuple], chosen: dict[str, set[str]]) -> dict:
    """Each facet's counts and the total, from the cube's (type, region, country, n) rows.

    A row counts towards an option of a facet when it meets every *other* facet's choice
    (no choice means any value); towards the total when it meets all of them.
    """
    types, regions, countries_ = (chosen[facet] for facet in FACETS)
    by_type: dict[str, int] = {}
    by_region: dict[str, int] = {}
    by_country: dict[str, int] = {}
    total = 0
    # Runs on every list page, cached or not: a plain loop over a few hundred rows.
    for type_, region, country, count in cube:
        type_ok = not types or type_ in types
        region_ok = not regions or region in regions
        country_ok = not countries_ or country in countries_
        if region_ok and country_ok:
            by_type[type_] = by_type.get(type_, 0) + count
        if type_ok and country_ok:
            by_region[region] = by_region.get(region, 0) + count
        if type_ok and region_ok:
            by_country[country] = by_country.get(country, 0) + count
            if country_ok:
                total += count
    return {"type": by_type, "region": by_region, "country": by_country, "total": total}


def facets(chosen: dict[str, list[str]], counts: dict | None, errors: dict) -> list[Facet]:
    """The form's facets; `counts` is None when the filters are invalid (nothing counted)."""

    def options(name: str, choices) -> list[Option]:
        found = counts[name] if counts else {}
        return [
            Option(
                value, str(label), found.get(value, 0) if counts else None, value in chosen[name]
            )
            for value, label in choices
        ]

    shown_countries = set(chosen["country"]) | set(counts["country"] if counts else ())
    shown_countries.discard("")
    return [
        Facet(name, legend, options(name, choices), errors.get(name, []))
        for name, legend, choices in (
            ("type", _("Type"), SignatoryType.choices),
            ("region", _("Region"), Region.choices),
            ("country", _("Country"), _country_choices(shown_countries, get_language())),
        )
    ]


def _country_choices(codes: set[str], language: str) -> list[tuple[str, str]]:
    """(code, name) of these countries in the order of their names; codes that name no
    country (a bad `country` value shown back on the form) as they are."""
    names = country_names(language)
    choices = ((code, names.get(code, code)) for code in codes)
    return sorted(choices, key=lambda choice: normalise(choice[1]))  # "Émirats" among the E's


@lru_cache(maxsize=8)
def country_names(language: str) -> dict[str, str]:
    """Every country's name in the language: looked up once, not ~250 times per page."""
    return {code: str(name) for code, name in countries}
