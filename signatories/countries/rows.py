"""One country's supporters as the map, the table and a country's page show them: its
state's status and dates, its counts by type, where M49 puts it, and the sentences that say so."""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext
from django_countries import countries

from signatories import dates
from signatories.countries.forms import CountrySort
from signatories.data.m49 import M49
from signatories.directory.filters import COUNTRY_CODES
from signatories.links import list_url
from signatories.models import SignatoryStatus, SignatoryType
from signatories.regions import Region


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
    CountrySort.NAME: (lambda row: row.name, False),
    CountrySort.NAME_DESCENDING: (lambda row: row.name, True),
    CountrySort.COUNT: (lambda row: (row.total, row.name), False),
    CountrySort.COUNT_DESCENDING: (lambda row: (-row.total, row.name), False),
}


def sorted_rows(rows: dict[str, CountryRow], sort: str) -> list[CountryRow]:
    key, reverse_order = SORT_KEYS[CountrySort(sort or CountrySort.NAME)]
    return sorted(rows.values(), key=key, reverse=reverse_order)


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
    return Place(Region(entry[0]).label, entry[1], entry[2])


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
