"""Facet counts for the list: how many results each filter option would give.

One grouped query per facet, each with the *other* filters applied, and the total taken
from the type facet (so no separate COUNT). The whole set is cached per filter combination
(`signatories.cache`), so a warm list page costs one cache look-up and the page's rows.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django_countries import countries

from signatories.cache import cached_with_version
from signatories.filters import FACETS, SignatoryFilter
from signatories.models import SignatoryType
from signatories.regions import Region
from signatories.text import normalise


def counts_for(filterset: SignatoryFilter) -> dict:
    """{"total": n, "type": {value: n}, "region": {…}, "country": {…}} for valid filters,
    and the "version" of the directory they count."""
    counts, version = cached_with_version(
        "counts", filterset.count_parameters(), lambda: _count(filterset)
    )
    return {**counts, "version": version}


def _count(filterset: SignatoryFilter) -> dict:
    counts = {facet: filterset.filtered_without(facet).count_by(facet) for facet in FACETS}
    chosen_types = filterset.form.cleaned_data.get("type") or counts["type"].keys()
    counts["total"] = sum(counts["type"].get(value, 0) for value in chosen_types)
    return counts


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int | None
    checked: bool


@dataclass(frozen=True)
class Facet:
    name: str
    legend: str
    options: list[Option]
    errors: list[str]


def facets(chosen: dict[str, list[str]], counts: dict | None, errors: dict) -> list[Facet]:
    """The form's facets; `counts` is None when the filters are invalid (nothing counted)."""

    def options(name: str, choices) -> list[Option]:
        found = counts[name] if counts else {}
        return [
            Option(value, label, found.get(value, 0) if counts else None, value in chosen[name])
            for value, label in choices
        ]

    shown_countries = set(chosen["country"]) | set(counts["country"] if counts else ())
    shown_countries.discard("")
    country_choices = sorted(
        ((code, countries.name(code) or code) for code in shown_countries),
        key=lambda choice: normalise(str(choice[1])),  # "Émirats" among the E's
    )
    return [
        Facet(name, legend, options(name, choices), errors.get(name, []))
        for name, legend, choices in (
            ("type", _("Type"), SignatoryType.choices),
            ("region", _("Region"), Region.choices),
            ("country", _("Country"), country_choices),
        )
    ]
