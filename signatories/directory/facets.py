"""Facet counts for the list: how many results each filter option would give.

One grouped query counts the matches of the search, the year and the status by every
(type, kind, region, country) that occurs: the *cube*, a few hundred rows for the directory
(it grows with the combinations, not the rows: some 3,000 at a million synthetic
supporters). Every facet's counts (each option counted with the *other* facets' filters
kept) and the total for any choice of types, kinds, regions and countries are sums over it,
done here in Python, and exact. Without a search or an alliance the cube comes from the
directory's timeline and standing, held in memory (`signatories.directory.timeline`): a
day's, or today's for a status or a year, with no query once they are read; a search's
from the words' index; an alliance's from the supporters. The cube is cached per search,
year, day and status (`signatories.cache`), and its sums per choice of facets, so once a
search is counted, every click on a type, kind, region or country is served without
touching the supporters table.
"""

from functools import lru_cache

from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from signatories.cache import cached, cached_with_revision
from signatories.directory import search, timeline
from signatories.directory.alliances import ALLIANCE_CHOICES, alliance_counts, alliance_cube
from signatories.directory.filters import FACETS, SignatoryFilter
from signatories.forms import Facet, Option
from signatories.languages.collation import sort_key
from signatories.languages.typography import typeset
from signatories.models import SignatoryType
from signatories.models.word_index import query_words
from signatories.regions import Region
from signatories.text import normalise
from signatories.vocabulary import KIND_CHOICES, KIND_SLUGS

# Parameters that choose neither the rows counted nor their facets.
NOT_COUNTED = ("sort", "page")


def counts_for(filterset: SignatoryFilter) -> dict:
    """{"total": n, "type": {value: n}, "kind": {…}, "region": {…}, "country": {…},
    "alliance": {…} (None for a search), "unfaceted": n (the total with no facet chosen)} for
    valid filters, and the "revision" of the directory they count."""
    parameters = cube_parameters(filterset)
    chosen = {facet: set(filterset.form.cleaned_data.get(facet) or ()) for facet in FACETS}

    def summed() -> dict:
        # Named for its rows' shape: an entry cached with another shape is never read back.
        cube, alliances = cached(
            "cube-by-kind-with-alliances-by-kind", parameters, lambda: _cubes(filterset)
        )
        return {
            **sum_cube(cube, chosen),
            "alliance": None if alliances is None else alliance_counts(alliances, chosen),
            # The total with no facet chosen (for a search's page, `search.SearchPage`).
            "unfaceted": sum(row[-1] for row in cube),
        }

    # The sums are cached too, per choice of facets: a page turned, sorted or seen before
    # reads them (a few hundred numbers) instead of the cube (thousands of rows at a
    # million supporters) and adding it up again.
    choice = tuple((facet, tuple(sorted(chosen[facet]))) for facet in FACETS)
    counts, revision = cached_with_revision(
        "counts-by-kind-with-unfaceted", (parameters, choice), summed
    )
    return {**counts, "revision": revision}


def total_without_search(filterset: SignatoryFilter) -> int:
    """How many supporters the filters leave without the search (its `q`)."""
    data = filterset.data.copy()
    data.pop("q", None)
    without = SignatoryFilter(data, language=filterset.language)
    return counts_for(without)["total"] if without.is_valid() else 0


def _cubes(filterset: SignatoryFilter) -> tuple[list[tuple], list[tuple] | None]:
    """The facets' cube and the alliances': without a search or an alliance, from the
    timeline (a day's) or the standing (today's); a search's from the words' index; with an
    alliance, from the supporters."""
    if timeline.answers(filterset.form.cleaned_data):
        return timeline.cubes(filterset.form.cleaned_data)
    return _cube(filterset), _alliance_cube(filterset)


def _alliance_cube(filterset: SignatoryFilter) -> list[tuple] | None:
    """The alliances' members among the results, or None for a search: the words' index
    carries no alliance, and a search is counted without reading the supporters."""
    if search.searched(filterset):
        return None
    return alliance_cube(filterset.filtered_without(*FACETS, "alliance"), FACETS)


def cube_parameters(filterset: SignatoryFilter) -> tuple:
    """What the cube depends on: every valid filter but the facets (q, since, status, …)."""
    parameters = []
    for name, value in sorted(filterset.form.cleaned_data.items()):
        if name in FACETS or name in NOT_COUNTED or value in (None, "", [], ()):
            continue
        if name == "q":
            # What the search matches: its words without case or accents, each once, in
            # one order ("Cyber", "cyber " and "cyber CYBER" count the same supporters).
            value = query_words(value)
            if not value:
                continue
        elif isinstance(value, list | tuple):
            value = tuple(sorted(value))
        parameters.append((name, value))
    return tuple(parameters)


def _cube(filterset: SignatoryFilter) -> list[tuple]:
    """The counts by (type, kind, region, country), the kind as its slug: "" for none, and
    for a kind outside the vocabulary (which no `kind` value asks for). A search is counted
    from the words' index, anything else from the supporters."""
    if search.searched(filterset):
        rows = search.index_rows(filterset, without=FACETS)
    else:
        rows = filterset.filtered_without(*FACETS)
    counts: dict[tuple, int] = {}
    for type_, kind, region, country, count in rows.count_by_combination(*FACETS):
        combination = (type_, KIND_SLUGS.get(kind, ""), region, country)
        counts[combination] = counts.get(combination, 0) + count
    return [(*combination, count) for combination, count in counts.items()]


def sum_cube(cube: list[tuple], chosen: dict[str, set[str]]) -> dict:
    """Each facet's counts and the total, from the cube's (type, kind, region, country, n)
    rows.

    A row counts towards an option of a facet when it meets every *other* facet's choice
    (no choice means any value); towards the total when it meets all of them.
    """
    types, kinds, regions, countries_ = (chosen[facet] for facet in FACETS)
    by_type: dict[str, int] = {}
    by_kind: dict[str, int] = {}
    by_region: dict[str, int] = {}
    by_country: dict[str, int] = {}
    total = 0
    # Runs for every new choice of facets: a plain loop over the cube's rows.
    for type_, kind, region, country, count in cube:
        type_ok = not types or type_ in types
        kind_ok = not kinds or kind in kinds
        region_ok = not regions or region in regions
        country_ok = not countries_ or country in countries_
        if kind_ok and region_ok and country_ok:
            by_type[type_] = by_type.get(type_, 0) + count
        if type_ok and region_ok and country_ok:
            by_kind[kind] = by_kind.get(kind, 0) + count
        if type_ok and kind_ok and country_ok:
            by_region[region] = by_region.get(region, 0) + count
        if type_ok and kind_ok and region_ok:
            by_country[country] = by_country.get(country, 0) + count
            if country_ok:
                total += count
    return {
        "type": by_type,
        "kind": by_kind,
        "region": by_region,
        "country": by_country,
        "total": total,
    }


def facets(chosen: dict[str, list[str]], counts: dict | None, errors: dict) -> list[Facet]:
    """The form's facets; `counts` is None when the filters are invalid (nothing counted)."""

    def options(name: str, choices) -> list[Option]:
        counted = bool(counts) and counts.get(name) is not None
        found = counts[name] if counted else {}
        return [
            Option(
                value, str(label), found.get(value, 0) if counted else None, value in chosen[name]
            )
            for value, label in choices
        ]

    shown_countries = set(chosen["country"]) | set(counts["country"] if counts else ())
    shown_countries.discard("")
    # Only the kinds some supporter has, as for countries.
    shown_kinds = set(chosen["kind"]) | set(counts["kind"] if counts else ())
    shown_kinds.discard("")
    return [
        Facet(name, legend, options(name, choices), errors.get(name, []))
        for name, legend, choices in (
            ("type", _("Type"), SignatoryType.choices),
            ("kind", _("Kind of organisation"), _kind_choices(shown_kinds)),
            ("region", _("Region"), Region.choices),
            ("country", _("Country"), _country_choices(shown_countries, get_language())),
            ("alliance", _("Other initiatives (September 2019)"), ALLIANCE_CHOICES),
        )
    ]


def _kind_choices(slugs: set[str]) -> list[tuple[str, str]]:
    """(slug, label) of these kinds in the order of their labels in the page's language;
    a bad `kind` value shown back on the form as it is."""
    labels = {slug: capfirst(str(label)) for slug, label in KIND_CHOICES}
    choices = ((slug, labels.get(slug, slug)) for slug in slugs)
    return sorted(choices, key=lambda choice: normalise(choice[1]))


def _country_choices(codes: set[str], language: str) -> list[tuple[str, str]]:
    """(code, name) of these countries in the order of their names; codes that name no
    country (a bad `country` value shown back on the form) as they are."""
    names, keys = country_names(language), _country_sort_keys(language)
    choices = ((code, names.get(code, code)) for code in codes)
    # "Émirats" among the E's; in French collation on French pages. The keys are computed
    # once per language, not per page.
    return sorted(choices, key=lambda choice: keys.get(choice[0]) or sort_key(choice[1], language))


@lru_cache(maxsize=8)
def _country_sort_keys(language: str) -> dict[str, str]:
    return {code: sort_key(name, language) for code, name in country_names(language).items()}


@lru_cache(maxsize=8)
def country_names(language: str) -> dict[str, str]:
    """Every country's name in the language, as its pages print it (French typography in
    French): looked up once, not ~250 times per page."""
    return {code: typeset(str(name)) for code, name in countries}
