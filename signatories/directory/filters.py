"""The list's query parameters: q, type, kind, region, country, since, alliance, as_of,
status, sort (the README's "Pages and downloads" says what each means)."""

import copy
import functools

import django_filters
from django import forms
from django.db.models import F
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from signatories.as_of import AsOfField, on_the_day
from signatories.directory.alliances import ALLIANCE_CHOICES, in_alliances
from signatories.forms import invalid_choice
from signatories.models import (
    FRENCH_NAME_ORDER,
    NAME_ORDER,
    Alliance,
    Signatory,
    SignatoryQuerySet,
    SignatoryStatus,
    SignatoryType,
)
from signatories.regions import Region
from signatories.vocabulary import KIND_BY_SLUG, KIND_CHOICES, STATUS_FILTER_CHOICES

# The facets, in the order the form shows them: each counts its options under the others.
FACETS = ("type", "kind", "region", "country")


def _sorts(order: tuple[str, ...]) -> dict[str, tuple]:
    """The `sort` values' orders, ties broken by `order` (a language's name order)."""
    return {
        "name": order,
        "-name": tuple(f"-{field}" for field in order),
        "since": (F("supporter_since").asc(nulls_last=True), *order),
        "-since": (F("supporter_since").desc(nulls_last=True), *order),
    }


SORTS = _sorts(NAME_ORDER)
# French pages sort names in French collation.
FRENCH_SORTS = _sorts(FRENCH_NAME_ORDER)


def sorts(language: str | None = None) -> dict[str, tuple]:
    """The orders of the language (the page's unless given)."""
    return FRENCH_SORTS if (language or get_language()) == "fr" else SORTS


SORT_CHOICES = [
    ("name", _("Name, A to Z")),
    ("-name", _("Name, Z to A")),
    ("since", _("Oldest supporters first")),
    ("-since", _("Newest supporters first")),
]
# Longer queries search nothing more useful and only cost the database time.
MAX_QUERY_LENGTH = 200


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField


COUNTRY_CODES = frozenset(countries.countries)


class CountryCodesField(forms.MultipleChoiceField):
    """ISO 3166 alpha-2 codes, checked against a set rather than a list of choices.

    The form is built for every request; copying a list of ~250 choices each time costs
    more than the rest of a cached list page. The page names the countries itself.
    """

    def valid_value(self, value: str) -> bool:
        return value in COUNTRY_CODES


class CountryCodesFilter(django_filters.MultipleChoiceFilter):
    field_class = CountryCodesField


# The filters below are on the supporters' own columns, never across a join, so the
# DISTINCT that django-filter adds by default to multiple-choice filters would only make
# PostgreSQL sort every matching row before it can return the first page.


class AsOfFilter(django_filters.Filter):
    field_class = AsOfField


class SharedFilters(dict):
    """A filter set's filters, copied one level deep for each filter set made.

    django-filter deep-copies its class's filters for every filter set, so that each filter
    knows the set it belongs to, with every label, choice and message under it. None of
    this set's filters changes anything else with the request (their fields, choices and
    labels are fixed, their texts translated as they render): a copy of each is enough. A
    filter whose field depends on the request (django-filter's `ModelChoiceFilter` with a
    callable queryset) would need its own deep copy.
    """

    def __deepcopy__(self, memo) -> dict:
        copies = {}
        for name, filter_ in self.items():
            copied = copy.copy(filter_)
            if filter_.method is not None:
                # The copy calls its own set's method, not the original's.
                copied.method = filter_.method
            copies[name] = copied
        return copies


class SignatoryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Name"),
        method="filter_search",
        max_length=MAX_QUERY_LENGTH,
        help_text=_(
            "The beginnings of a name’s words, in any order, case and accents ignored: "
            "“sec” finds Security and Sécurité."
        ),
    )
    type = django_filters.MultipleChoiceFilter(
        label=_("Type"),
        distinct=False,
        choices=SignatoryType.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=invalid_choice(_("type"), SignatoryType.values),
    )
    kind = django_filters.MultipleChoiceFilter(
        label=_("Kind of organisation"),
        distinct=False,
        choices=KIND_CHOICES,
        method="filter_kind",
        widget=forms.CheckboxSelectMultiple,
        error_messages=invalid_choice(_("kind of organisation"), list(KIND_BY_SLUG)),
    )
    region = django_filters.MultipleChoiceFilter(
        label=_("Region"),
        distinct=False,
        choices=Region.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=invalid_choice(_("region"), Region.values),
    )
    country = CountryCodesFilter(
        label=_("Country"),
        distinct=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages=invalid_choice(
            _("country"), _("a two-letter ISO 3166 code such as FR, JP or US")
        ),
    )
    since = YearFilter(
        label=_("Supporter since (year)"),
        method="filter_since",
        min_value=1900,
        max_value=2100,
        help_text=_("The year it joined, or by which it had joined."),
        error_messages={
            "invalid": _("Enter a year as four digits, such as 2019."),
            "min_value": _("Enter a year from 1900 to 2100."),
            "max_value": _("Enter a year from 1900 to 2100."),
        },
    )
    alliance = django_filters.MultipleChoiceFilter(
        label=_("Other initiatives"),
        method="filter_alliance",
        choices=ALLIANCE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages=invalid_choice(_("alliance"), Alliance.values),
    )
    as_of = AsOfFilter(
        label=_("As of (day)"),
        method="filter_as_of",
        help_text=_("The directory as it stood that day, from 2018-11-12: YYYY-MM-DD."),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=STATUS_FILTER_CHOICES,
        method="filter_status",
        empty_label=None,
        help_text=_("Current supporters unless asked: former ones left the official list."),
        error_messages=invalid_choice(
            _("status"), ", ".join(value for value, _label in STATUS_FILTER_CHOICES)
        ),
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=SORT_CHOICES,
        method="filter_sort",
        empty_label=None,
        error_messages=invalid_choice(_("sort order"), SORTS),
    )

    class Meta:
        model = Signatory
        fields = [
            "q",
            "type",
            "kind",
            "region",
            "country",
            "since",
            "alliance",
            "as_of",
            "status",
            "sort",
        ]

    def __init__(self, data=None, *args, language: str | None = None, **kwargs):
        # The language whose name order `sort` means: the page's unless given (an export
        # is the same at either address, in the directory's English order).
        self.language = language
        if data is not None:
            data = data.copy()
            # Country codes are upper case; accept `country=fr` as a person would type it.
            data.setlist("country", [code.strip().upper() for code in data.getlist("country")])
            data.setlist("kind", [slug.strip().lower() for slug in data.getlist("kind")])
            # No status is the default, current supporters: one value, so one cached count.
            if not data.get("status"):
                data["status"] = SignatoryStatus.CURRENT
        super().__init__(data, *args, **kwargs)

    @classmethod
    def get_filters(cls) -> SharedFilters:
        return SharedFilters(super().get_filters())

    @classmethod
    @functools.cache
    def _form_class(cls) -> "type[forms.Form]":
        # The fields are the same for every request (their labels translate as they render):
        # made once, rather than a new class and ten fields for every list page.
        fields = {name: filter_.field for name, filter_ in cls.base_filters.items()}
        return type(f"{cls.__name__}Form", (cls._meta.form,), fields)

    def get_form_class(self) -> "type[forms.Form]":
        return self._form_class()

    @property
    def qs(self) -> SignatoryQuerySet:
        queryset = super().qs
        if not self.form.cleaned_data.get("sort"):
            queryset = queryset.order_by(*sorts(self.language)["name"])
        return queryset

    def filter_search(self, queryset: SignatoryQuerySet, name: str, value: str):
        return queryset.search(value)

    def filter_kind(self, queryset: SignatoryQuerySet, name: str, value: list[str]):
        return queryset.of_kinds(value)

    def filter_since(self, queryset: SignatoryQuerySet, name: str, value) -> SignatoryQuerySet:
        return queryset.supporting_since_year(int(value))

    def filter_status(self, queryset: SignatoryQuerySet, name: str, value: str):
        if self.form.cleaned_data.get("as_of"):
            return queryset  # the status on that day: `filter_as_of` applies it
        return queryset.with_status(value)

    def filter_as_of(self, queryset: SignatoryQuerySet, name: str, value):
        status = self.form.cleaned_data.get("status") or SignatoryStatus.CURRENT
        return on_the_day(queryset, value, status)

    def filter_alliance(self, queryset: SignatoryQuerySet, name: str, value: list[str]):
        return in_alliances(queryset, value)

    def filter_sort(self, queryset: SignatoryQuerySet, name: str, value: str):
        return queryset.order_by(*sorts(self.language)[value])

    def filtered_without(self, *facets: str) -> SignatoryQuerySet:
        """The results with every filter applied except the `facets`': what they count."""
        queryset = self.queryset
        for name, value in self.form.cleaned_data.items():
            if name in facets or name == "sort" or value in (None, "", [], ()):
                continue
            queryset = self.filters[name].filter(queryset, value)
        return queryset
