"""Supporters by country: what the world map, the countries table and a country's page count.

Counted like the list's facets: one grouped query gives every country's supporters by type,
one more the states' dates, and the result is cached per combination of filters through
`signatories.cache`, so a warm page costs one cache look-up and a write (a new supporter,
one that left) shows at once. Only canonical, validated parameters reach the cache key.
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.db import models
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from signatories import dates
from signatories.bilingual import localised
from signatories.cache import cached, cached_with_version
from signatories.collation import sort_key
from signatories.filters import COUNTRY_CODES, _invalid
from signatories.links import list_url
from signatories.m49 import M49
from signatories.models import Signatory, SignatoryQuerySet, SignatoryStatus, SignatoryType
from signatories.regions import Region, in_page_language
from signatories.vocabulary import STATUS_FILTER_CHOICES

# Supporters of each type named on a country's page; the rest are a link to the list.
FIRST_SHOWN = 5


class CountrySort(models.TextChoices):
    NAME = "name", _("Country, A to Z")
    NAME_DESCENDING = "-name", _("Country, Z to A")
    COUNT_DESCENDING = "-count", _("Most supporters first")
    COUNT = "count", _("Fewest supporters first")


# Every country has an M49 region; "international" and "not stated" never have a country.
COUNTRY_REGIONS = [
    (value, label)
    for value, label in Region.choices
    if value not in (Region.INTERNATIONAL, Region.UNKNOWN)
]
# What the 400 page says is valid.
REGION_VALUES = ", ".join(value for value, _label in COUNTRY_REGIONS)
STATUS_VALUES = ", ".join(value for value, _label in STATUS_FILTER_CHOICES)


class CountryFilterForm(forms.Form):
    """The countries page's query parameters: type and region (repeatable), status, sort."""

    type = forms.MultipleChoiceField(
        label=_("Type"),
        required=False,
        choices=SignatoryType.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=_invalid(_("type"), ", ".join(SignatoryType.values)),
    )
    region = forms.MultipleChoiceField(
        label=_("Region"),
        required=False,
        choices=COUNTRY_REGIONS,
        widget=forms.CheckboxSelectMultiple,
        error_messages=_invalid(_("region"), REGION_VALUES),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=STATUS_FILTER_CHOICES,
        error_messages=_invalid(_("status"), STATUS_VALUES),
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=CountrySort.choices,
        error_messages=_invalid(_("sort order"), ", ".join(CountrySort.values)),
    )

    def parameters(self) -> tuple:
        """What the counts depend on, canonical: (types, regions, status)."""
        data = self.cleaned_data
        return (
            tuple(sorted(data.get("type") or ())),
            tuple(sorted(data.get("region") or ())),
            data.get("status") or SignatoryStatus.CURRENT,
        )


def country_counts(types: tuple = (), regions: tuple = (), status: str = "current") -> dict:
    """{"counts": {code: {type: n}}, "states": {code: state facts}} for these filters, and
    the "version" of the directory they count (which keys the rendered table)."""
    found, version = cached_with_version(
        "countries", (types, regions, status), lambda: _count(types, regions, status)
    )
    return {**found, "version": version, "status": status}


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


@dataclass(frozen=True)
class StateStatus:
    """A country's state as a supporter: current or former, and the dates."""

    status: str
    since: datetime.date | None
    since_precision: str
    since_is_bound: bool
    left_on: datetime.date | None

    @property
    def is_current(self) -> bool:
        return self.status == SignatoryStatus.CURRENT

    @property
    def since_display(self) -> str:
        return dates.display(self.since, self.since_precision, self.since_is_bound)

    @property
    def since_date(self) -> str:
        """The date alone, for a sentence that says itself whether it is only a bound."""
        return dates.display(self.since, self.since_precision)

    @property
    def left_display(self) -> str:
        return dates.display(self.left_on, dates.Precision.DAY)


def country_url(code: str) -> str:
    return reverse("signatories:country", args=[code.lower()])


@dataclass(frozen=True)
class CountryRow:
    """One country's supporters under the chosen filters."""

    code: str
    name: str
    counts: dict[str, int]
    state: StateStatus | None
    # The status counted, which the link to the list keeps.
    status: str = SignatoryStatus.CURRENT

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def others(self) -> int:
        """Supporters other than the state itself: what shades the map."""
        return self.total - self.counts.get(SignatoryType.STATE, 0)

    @property
    def by_type(self) -> list[tuple[str, str, int]]:
        return [(value, label, self.counts.get(value, 0)) for value, label in SignatoryType.choices]

    @property
    def url(self) -> str:
        return country_url(self.code)

    @property
    def list_url(self) -> str:
        if self.status == SignatoryStatus.CURRENT:
            return list_url(country=self.code)
        return list_url(country=self.code, status=self.status)


def rows_from(found: dict) -> dict[str, CountryRow]:
    """Every country with a counted supporter or a supporting state, by code."""
    return {code: row_of(found, code) for code in found["counts"].keys() | found["states"].keys()}


def row_of(found: dict, code: str) -> CountryRow | None:
    """One country's row of `country_counts()`, or None when it has nothing counted."""
    counts, state = found["counts"].get(code), found["states"].get(code)
    if counts is None and state is None:
        return None
    name = str(countries.name(code) or code)
    state = StateStatus(*state) if state else None
    return CountryRow(code, name, counts or {}, state, found.get("status", SignatoryStatus.CURRENT))


SORT_KEYS = {
    CountrySort.NAME: (lambda row, name: name, False),
    CountrySort.NAME_DESCENDING: (lambda row, name: name, True),
    CountrySort.COUNT: (lambda row, name: (row.total, name), False),
    CountrySort.COUNT_DESCENDING: (lambda row, name: (-row.total, name), False),
}


def sorted_rows(rows: dict[str, CountryRow], sort: str) -> list[CountryRow]:
    """The rows in the chosen order; names in the page language's collation (« Bénin »
    before « Burkina Faso », « Égypte » among the E on a French page)."""
    key, reverse_order = SORT_KEYS[CountrySort(sort or CountrySort.NAME)]
    language = get_language()
    names = {row.code: sort_key(row.name, language) for row in rows.values()}
    return sorted(rows.values(), key=lambda row: key(row, names[row.code]), reverse=reverse_order)


def is_country(code: str) -> bool:
    """An ISO 3166 alpha-2 code that django-countries knows (upper case), and only that:
    not the alpha-3 or numeric codes that `code in countries` also accepts."""
    return code in COUNTRY_CODES


@dataclass(frozen=True)
class Place:
    """Where M49 puts a country: its region, sub-region and intermediate region."""

    region: str
    subregion: str
    intermediate: str


def place_of(code: str) -> Place | None:
    entry = M49.get(code)
    if not entry:
        return None
    return Place(Region(entry[0]).label, in_page_language(entry[1]), in_page_language(entry[2]))


def country_detail(code: str, status: str) -> dict:
    """A country's page: its state (whatever its status) and its first supporters by type."""
    language = get_language()
    return cached("country", (code, status, language), lambda: _detail(code, status, language))


def _detail(code: str, status: str, language: str) -> dict:
    in_country = Signatory.objects.filter(country=code)
    state = _states(in_country.states()).get(code)
    supporters = in_country.with_status(status).by_name(language)
    first = {}
    for value in SignatoryType.values:
        rows = supporters.filter(type=value).values_list("name", "name_fr", "slug")
        first[value] = [
            (localised(name, name_fr), slug) for name, name_fr, slug in rows[:FIRST_SHOWN]
        ]
    return {"state": StateStatus(*state) if state else None, "first": first}


def status_sentence(name: str, state: StateStatus | None) -> str:
    """The state's status, said plainly."""
    if state is None:
        return gettext("%(country)s has not joined the Call as a state.") % {"country": name}
    if not state.is_current:
        return gettext(
            "%(country)s is a former supporter: its state has not been on the official list "
            "since %(date)s."
        ) % {"country": name, "date": state.left_display}
    if not state.since:
        return gettext("%(country)s supports the Call as a state.") % {"country": name}
    if state.since_is_bound:
        return gettext("%(country)s supports the Call as a state; it had joined by %(date)s.") % {
            "country": name,
            "date": state.since_date,
        }
    return gettext("%(country)s has supported the Call as a state since %(date)s.") % {
        "country": name,
        "date": state.since_date,
    }
